using IisModuleValidator.Catalog;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Analysis;

/// <summary>Everything one run found, in a deterministic order: reporters only format it.</summary>
public sealed record AnalysisReport(
    string BaseDirectory,
    IReadOnlyList<AnalyzedInput> Inputs,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ToolNotification> Notifications)
{
    public int AnalyzedCount => Inputs.Count(input => input.WasAnalyzed);

    /// <summary>Findings and notifications at or above <paramref name="threshold"/> (notifications count: a missing input must not pass silently).</summary>
    public bool HasAtOrAbove(RuleLevel threshold) =>
        threshold != RuleLevel.None
        && (Findings.Any(finding => finding.Level >= threshold) || Notifications.Any(notification => notification.Level >= threshold));

    public int Count(RuleLevel level) =>
        Findings.Count(finding => finding.Level == level) + Notifications.Count(notification => notification.Level == level);
}
