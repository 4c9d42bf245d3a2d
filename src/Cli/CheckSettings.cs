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
    AnalysisOptions Analysis);
