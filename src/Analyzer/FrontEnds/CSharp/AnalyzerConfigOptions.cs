using Microsoft.CodeAnalysis;

namespace IisModuleValidator.FrontEnds.CSharp;

/// <summary>
/// The severities that the .editorconfig and .globalconfig files of a C# project (<see cref="Analysis.Severities.AnalyzerConfigFiles"/>)
/// give diagnostics, handed to Roslyn as `dotnet build` hands them to the compiler.
/// </summary>
internal sealed class AnalyzerConfigOptions : SyntaxTreeOptionsProvider
{
    private readonly AnalyzerConfigSet _set;
    private readonly Dictionary<SyntaxTree, AnalyzerConfigOptionsResult> _byTree = [];

    private AnalyzerConfigOptions(AnalyzerConfigSet set) => _set = set;

    /// <summary>The options for the project's sources, or null when no configuration file applies to them.</summary>
    public static AnalyzerConfigOptions? For(string projectPath, IEnumerable<string> sourceFiles) =>
        Analysis.Severities.AnalyzerConfigFiles.Discover(sourceFiles.Select(Path.GetDirectoryName).OfType<string>(), Path.GetDirectoryName(Path.GetFullPath(projectPath))!)
            is { } set ? new AnalyzerConfigOptions(set) : null;

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
