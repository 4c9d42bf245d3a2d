using IisModuleValidator.Catalog;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;
using Microsoft.CodeAnalysis;

namespace IisModuleValidator.Analysis.Severities;

/// <summary>
/// The level each finding and notification is reported at: `--rule IISMnnnn=level` first, then
/// dotnet_diagnostic.IISMnnnn.severity from the .editorconfig files above the finding's file and the .globalconfig
/// files above its input (as for C# in the build and the IDE), then the catalog's default. none (and silent) leave the
/// finding out. C# findings already carry the level Roslyn gave them from the same files; only `--rule` applies to them.
/// </summary>
public sealed class RuleSeverities(IReadOnlyDictionary<string, RuleLevel> commandLine)
{
    private readonly Dictionary<(string Input, string Folder), AnalyzerConfigSet?> _configs = [];

    public IReadOnlyList<Finding> Apply(IReadOnlyList<Finding> findings)
    {
        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            var level = commandLine.TryGetValue(finding.RuleId, out var forced) ? forced
                : IsCSharp(finding.Location.FilePath) ? finding.Level
                : Configured(finding) ?? finding.Level;
            if (level != RuleLevel.None)
            {
                result.Add(level == finding.Level ? finding : finding with { Level = level });
            }
        }
        return result;
    }

    /// <summary>Tool notifications follow `--rule` only: their files are inputs, not sources that carry configuration.</summary>
    public IReadOnlyList<ToolNotification> Apply(IReadOnlyList<ToolNotification> notifications) =>
        [.. notifications
            .Select(notification => commandLine.TryGetValue(notification.RuleId, out var level) ? notification with { Level = level } : notification)
            .Where(notification => notification.Level != RuleLevel.None)];

    private static bool IsCSharp(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

    private RuleLevel? Configured(Finding finding)
    {
        var inputFolder = Directory.Exists(finding.InputPath) ? finding.InputPath : Path.GetDirectoryName(finding.InputPath) ?? finding.InputPath;
        var key = (finding.InputPath, Path.GetDirectoryName(finding.Location.FilePath) ?? inputFolder);
        if (!_configs.TryGetValue(key, out var set))
        {
            set = AnalyzerConfigFiles.Discover([key.Item2, inputFolder], inputFolder);
            _configs[key] = set;
        }
        return set is null ? null : AnalyzerConfigFiles.SeverityFor(set, finding.Location.FilePath, finding.RuleId) switch
        {
            ReportDiagnostic.Error => RuleLevel.Error,
            ReportDiagnostic.Warn => RuleLevel.Warning,
            ReportDiagnostic.Info => RuleLevel.Note,
            ReportDiagnostic.Hidden or ReportDiagnostic.Suppress => RuleLevel.None,
            _ => null,
        };
    }
}
