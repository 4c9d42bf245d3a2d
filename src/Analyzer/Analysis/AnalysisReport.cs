using IisModuleValidator.Catalog;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Analysis;

/// <summary>Everything one run found, in a deterministic order: reporters only format it.</summary>
public sealed record AnalysisReport(
    string BaseDirectory,
    IReadOnlyList<AnalyzedInput> Inputs,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<ToolNotification> Notifications,
    IReadOnlyList<string>? Skipped = null)
{
    /// <summary>With a baseline: its results that this run no longer finds (SARIF baselineState absent).</summary>
    public IReadOnlyList<Baselines.AbsentResult> Absent { get; init; } = [];

    /// <summary>What C++ inputs were parsed with (libclang, SDK and library headers), when there were any (--verbose).</summary>
    public IReadOnlyList<string> CompileEnvironment { get; init; } = [];

    /// <summary>How the command line was run, for SARIF's invocation; null when the analysis ran as a library.</summary>
    public RunInvocation? Invocation { get; init; }

    /// <summary>
    /// SARIF's automationDetails.id ("category/" or "category/run"): GitHub code scanning tells the SARIF files of one
    /// commit apart by it, so two uploads of this tool (a Windows and a Linux job) need two.
    /// </summary>
    public string AutomationId { get; init; } = DefaultAutomationId;

    public const string DefaultAutomationId = "iis-module-validator/";

    /// <summary>Whether the findings were compared with a baseline (each then has a <see cref="Finding.BaselineState"/>).</summary>
    public bool HasBaseline { get; init; }

    /// <summary>What was left out on purpose, with why: folders not walked, projects that cannot be modules (--verbose).</summary>
    public IReadOnlyList<string> SkippedInputs => Skipped ?? [];

    /// <summary>An input hit an internal failure (IISM9004): the tool, not the module, is at fault.</summary>
    public bool HasInternalFailure => Notifications.Any(notification => notification.RuleId == ToolNotificationIds.AnalysisFailed);

    public int AnalyzedCount => Inputs.Count(input => input.WasAnalyzed);

    /// <summary>Findings and notifications at or above <paramref name="threshold"/> (notifications count: a missing input must not pass silently).</summary>
    public bool HasAtOrAbove(RuleLevel threshold) =>
        threshold != RuleLevel.None
        && (Active.Any(finding => finding.Level >= threshold) || Notifications.Any(notification => notification.Level >= threshold));

    /// <summary>
    /// What the line formats show and the exit code counts: findings no source comment accepted and, with a baseline,
    /// that it does not already hold.
    /// </summary>
    public IEnumerable<Finding> Active => Findings.Where(finding => !finding.IsSuppressed && finding.BaselineState is null or BaselineState.New);

    public int BaselinedCount => Findings.Count(finding => !finding.IsSuppressed && finding.BaselineState is BaselineState.Unchanged or BaselineState.Updated);

    public int SuppressedCount => Findings.Count(finding => finding.IsSuppressed);

    public int Count(RuleLevel level) =>
        Active.Count(finding => finding.Level == level) + Notifications.Count(notification => notification.Level == level);
}
