using Microsoft.CodeAnalysis;

namespace IisModuleValidator.FrontEnds.CSharp;

/// <summary>
/// The .editorconfig and .globalconfig files that `dotnet build` gives the compiler for a project's sources: every
/// .editorconfig in a source file's folder and above (up to one that says root = true), and every .globalconfig in the
/// project's folder and above. Their dotnet_diagnostic.IISMnnnn.severity entries then set the level of a finding in the
/// CLI as they do in the build and the IDE. Parsed by Roslyn's own AnalyzerConfig.
/// </summary>
internal sealed class AnalyzerConfigOptions : SyntaxTreeOptionsProvider
{
    private readonly AnalyzerConfigSet _set;
    private readonly Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> _byTree = [];

    private AnalyzerConfigOptions(AnalyzerConfigSet set) => _set = set;

    /// <summary>The options for the project's sources, or null when no configuration file applies to them.</summary>
    public static AnalyzerConfigOptions? For(string projectPath, IEnumerable<string> sourceFiles)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in sourceFiles.Select(Path.GetDirectoryName).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
            {
                var editorConfig = Path.Combine(current, ".editorconfig");
                if (File.Exists(editorConfig))
                {
                    files.Add(editorConfig);
                    if (IsRoot(editorConfig))
                    {
                        break;
                    }
                }
            }
        }
        for (var current = Path.GetDirectoryName(Path.GetFullPath(projectPath)); current is not null; current = Path.GetDirectoryName(current))
        {
            var globalConfig = Path.Combine(current, ".globalconfig");
            if (File.Exists(globalConfig))
            {
                files.Add(globalConfig);
            }
        }
        var configs = new List<AnalyzerConfig>();
        foreach (var file in files)
        {
            try
            {
                configs.Add(AnalyzerConfig.Parse(Io.SafeFile.ReadAllText(file), file));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // An unreadable configuration file configures nothing, as the build would fail on it instead.
            }
        }
        return configs.Count == 0 ? null : new AnalyzerConfigOptions(AnalyzerConfigSet.Create(configs));
    }

    private static bool IsRoot(string editorConfig)
    {
        try
        {
            return Io.SafeFile.ReadLines(editorConfig).TakeWhile(line => !line.TrimStart().StartsWith('['))
                .Any(line => line.Replace(" ", "", StringComparison.Ordinal).Equals("root=true", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private AnalyzerConfigOptionsResult OptionsOf(SyntaxTree tree)
    {
        lock (_byTree)
        {
            if (!_byTree.TryGetValue(tree, out var options))
            {
                options = _set.GetOptionsForSourcePath(tree.FilePath);
                _byTree[tree] = options;
            }
            return options;
        }
    }

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        OptionsOf(tree).TreeOptions.TryGetValue(diagnosticId, out severity);

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
}
