using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Reporting;

namespace IisModuleValidator.Cli;

/// <summary>The one line `check` ends with on standard error: what was analyzed and what it found.</summary>
public static class RunSummary
{
    public static string Of(AnalysisReport report)
    {
        var withFindings = report.Active.Select(finding => finding.Location.FilePath).Distinct().Count();
        var failed = report.Inputs.Count(input => !input.WasAnalyzed)
                     + report.Notifications.Count(notification => notification.RuleId == ToolNotificationIds.InputUnreadable);
        var notAnalyzed = failed == 0 ? "" : $", {failed} could not be analyzed";
        return $"{ToolInfo.Command}: {report.AnalyzedCount} file(s) analyzed, {withFindings} with findings{notAnalyzed}; "
               + $"{report.Count(RuleLevel.Error)} error(s), {report.Count(RuleLevel.Warning)} warning(s), {report.Count(RuleLevel.Note)} note(s)"
               + (report.SuppressedCount > 0 ? $"; {report.SuppressedCount} suppressed in source" : "")
               + (report.HasBaseline ? $"; {report.BaselinedCount} already in the baseline, {report.Absent.Count} of its results gone" : "")
               + ".";
    }
}
