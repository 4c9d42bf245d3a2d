using IisModuleValidator.Model;

namespace IisModuleValidator.Analysis;

/// <summary>What one input gave the run: what was read, its findings and notifications.</summary>
/// <param name="Skipped">What of this input was left out on purpose, with why (--verbose).</param>
internal sealed record InputResult(AnalyzedInput? Input, IReadOnlyList<Finding> Findings, IReadOnlyList<ToolNotification> Notifications, IReadOnlyList<string>? Skipped = null);
