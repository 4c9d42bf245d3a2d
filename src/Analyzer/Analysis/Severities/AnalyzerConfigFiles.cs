using Microsoft.CodeAnalysis;

namespace IisModuleValidator.Analysis.Severities;

/// <summary>
/// The .editorconfig and .globalconfig files that `dotnet build` gives the compiler: every .editorconfig in a source
/// file's folder and above (up to one that says root = true), and every .globalconfig in the project's folder and
/// above. Parsed by Roslyn's own AnalyzerConfig, so that one file configures the build, the IDE and the command line.
/// </summary>
public static class AnalyzerConfigFiles
{
    /// <summary>The configuration for files in <paramref name="sourceFolders"/> of a project (or input) in <paramref name="projectFolder"/>, or null when there is none.</summary>
    public static AnalyzerConfigSet? Discover(IEnumerable<string> sourceFolders, string projectFolder)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var folder in sourceFolders.Distinct(StringComparer.Ordinal))
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
        for (var current = Path.GetFullPath(projectFolder); current is not null; current = Path.GetDirectoryName(current))
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
                configs.Add(AnalyzerConfig.Parse(RelevantConfigText.Of(Io.SafeFile.ReadAllText(file)), file));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // An unreadable configuration file configures nothing.
            }
        }
        return configs.Count == 0 ? null : AnalyzerConfigSet.Create(configs);
    }

    /// <summary>The severity a set gives a diagnostic id for a file (its sections first, then the global configuration).</summary>
    public static ReportDiagnostic? SeverityFor(AnalyzerConfigSet set, string filePath, string ruleId) =>
        set.GetOptionsForSourcePath(filePath).TreeOptions.TryGetValue(ruleId, out var severity) ? severity
        : set.GlobalConfigOptions.TreeOptions.TryGetValue(ruleId, out var global) ? global
        : null;

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
}
