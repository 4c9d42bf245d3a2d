using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Reporting;

/// <summary>
/// Azure Pipelines logging commands: each error or warning becomes
/// '##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=IISMnnnn]message', which the agent
/// shows on the run's summary and annotates in the file. Logging commands know only errors and warnings, so a note is
/// an ordinary log line. Paths are absolute, as the agent wants them. Escaped as the agent unescapes:
/// '%' as %AZP25, CR and LF as %0D/%0A, and in properties also ']' and ';' (azure-pipelines-task-lib).
/// </summary>
public sealed class AzureDevOpsReporter : IReporter
{
    public void Write(AnalysisReport report, TextWriter output)
    {
        foreach (var notification in report.Notifications)
        {
            Write(output, notification.Level, notification.RuleId, notification.FilePath is null ? null : SourceLocation.OfFile(notification.FilePath), notification.Message);
        }
        foreach (var finding in report.Active)
        {
            Write(output, finding.Level, finding.RuleId, finding.Location, finding.Message);
        }
    }

    private static void Write(TextWriter output, RuleLevel level, string ruleId, SourceLocation? location, string message)
    {
        if (level is not (RuleLevel.Error or RuleLevel.Warning))
        {
            var where = location is null ? MsBuildReporter.ToolOrigin : location.FilePath;
            output.WriteLine(LogLine.Neutralize($"{where}: {level.ToWord()} {ruleId}: {message}"));
            return;
        }
        var properties = new List<string> { $"type={(level == RuleLevel.Error ? "error" : "warning")}" };
        if (location is not null)
        {
            properties.Add($"sourcepath={Property(location.FilePath)}");
            if (location.Line is { } line)
            {
                properties.Add($"linenumber={line}");
            }
            if (location.Column is { } column)
            {
                properties.Add($"columnnumber={column}");
            }
        }
        properties.Add($"code={Property(ruleId)}");
        output.WriteLine($"##vso[task.logissue {string.Join(';', properties)}]{Data(message)}");
    }

    private static string Data(string text) => LogLine.EscapeControls(text, keepLineBreaks: true).Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A");

    private static string Property(string text) => Data(text).Replace("]", "%5D").Replace(";", "%3B");
}
