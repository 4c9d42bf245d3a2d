using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;

namespace IisModuleValidator.Reporting;

/// <summary>GitHub Actions workflow commands: each finding becomes an annotation on the file (and line).</summary>
public sealed class GitHubReporter(RuleCatalog catalog) : IReporter
{
    public void Write(AnalysisReport report, TextWriter output)
    {
        foreach (var notification in report.Notifications)
        {
            var file = notification.FilePath is null ? "" : $"file={Property(PathDisplay.For(report.BaseDirectory, notification.FilePath))},";
            output.WriteLine($"::{Command(notification.Level)} {file}title={Property(Title(notification.RuleId))}::{Data(notification.Message)}");
        }
        foreach (var finding in report.Active)
        {
            var position = finding.Location.Line is { } line
                ? $",line={line}" + (finding.Location.Column is { } column ? $",col={column}" : "")
                : "";
            output.WriteLine(
                $"::{Command(finding.Level)} file={Property(PathDisplay.For(report.BaseDirectory, finding.Location.FilePath))}{position},title={Property(Title(finding.RuleId))}::{Data(finding.Message)}");
        }
    }

    private string Title(string ruleId) => $"{ruleId} {catalog[ruleId].Title}";

    private static string Command(RuleLevel level) => level switch
    {
        RuleLevel.Error => "error",
        RuleLevel.Warning => "warning",
        _ => "notice",
    };

    // The escaping GitHub's toolkit applies to workflow command data and properties.
    private static string Data(string text) => LogLine.EscapeControls(text, keepLineBreaks: true).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
