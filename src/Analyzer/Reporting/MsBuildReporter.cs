using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Reporting;

/// <summary>
/// MSBuild canonical error format, which Visual Studio, Azure DevOps and most CI log parsers pick up:
/// "path(line,col): error IISM2001: message", or "path: error IISM1001: message" for a whole binary.
/// </summary>
public sealed class MsBuildReporter : IReporter
{
    public const string ToolOrigin = "iis-module-validator";

    public void Write(AnalysisReport report, TextWriter output)
    {
        foreach (var notification in report.Notifications)
        {
            var origin = notification.FilePath is null ? ToolOrigin : PathDisplay.For(report.BaseDirectory, notification.FilePath);
            output.WriteLine(LogLine.Neutralize($"{origin}: {notification.Level.ToWord()} {notification.RuleId}: {notification.Message}"));
        }
        foreach (var finding in report.Active)
        {
            output.WriteLine(LogLine.Neutralize($"{Origin(report.BaseDirectory, finding.Location)}: {finding.Level.ToWord()} {finding.RuleId}: {finding.Message}"));
        }
    }

    private static string Origin(string baseDirectory, SourceLocation location)
    {
        var path = PathDisplay.For(baseDirectory, location.FilePath);
        return location switch
        {
            { Line: { } line, Column: { } column } => $"{path}({line},{column})",
            { Line: { } line } => $"{path}({line})",
            _ => path,
        };
    }
}
