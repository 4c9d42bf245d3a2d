using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;

namespace IisModuleValidator.Cli;

/// <summary>What `check` was asked to do, bound from its options, with every path already made absolute.</summary>
/// <param name="Inputs">As given: files, folders and patterns relative to <paramref name="BaseDirectory"/>.</param>
/// <param name="Output">-o, or null for standard output.</param>
/// <param name="SarifFiles">SARIF files written beside the report (--sarif-output, --write-baseline), with the option that named each.</param>
/// <param name="Baseline">--baseline: a previous run's SARIF.</param>
public sealed record CheckSettings(
    IReadOnlyList<string> Inputs,
    string BaseDirectory,
    string Format,
    string? Output,
    IReadOnlyList<(string Option, string What, string Path)> SarifFiles,
    string? Baseline,
    RuleLevel FailOn,
    bool Quiet,
    bool Verbose,
    AnalysisOptions Analysis)
{
    /// <summary>The command's arguments as parsed (response files expanded), for SARIF's invocation.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The process's current folder, for SARIF's invocation.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>--automation-id: SARIF's automationDetails.id.</summary>
    public string AutomationId { get; init; } = AnalysisReport.DefaultAutomationId;

    /// <summary>--timestamps: the invocation's start and end times in SARIF (the file then differs run to run).</summary>
    public bool Timestamps { get; init; }

    /// <summary>--fix applies the fixes that need no choice, --fix-dry-run prints them as a diff.</summary>
    public FixMode Fixes { get; init; }

    /// <summary>The configuration file the run took settings from, or null (--verbose names it).</summary>
    public string? ConfigFile { get; init; }
}

/// <summary>What `check` does with the fixes its findings carry.</summary>
public enum FixMode
{
    None,
    Apply,
    DryRun,
}
