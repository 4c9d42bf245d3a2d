using IisModuleValidator.Catalog;

namespace IisModuleValidator.Model;

/// <summary>A secondary place that explains a finding (the class for a registration, the export for a name).</summary>
public sealed record RelatedLocation(SourceLocation Location, string Message);

/// <summary>
/// One result of one rule. <paramref name="FingerprintKey"/> names the logical thing the finding is about
/// (an export name, a class and method) so that SARIF fingerprints survive edits that move lines.
/// <paramref name="InputPath"/> is the input (binary, project, folder) whose model it came from.
/// </summary>
public sealed record Finding(
    string InputPath,
    string RuleId,
    RuleLevel Level,
    string Message,
    SourceLocation Location,
    string FingerprintKey,
    IReadOnlyList<RelatedLocation> Related)
{
    /// <summary>Extra facts for SARIF result properties (evidence, confidence of a recovered binary fact).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();

    /// <summary>Set when the source says this finding is accepted (an iism-suppress comment with its justification).</summary>
    public Suppression? Suppression { get; init; }

    public bool IsSuppressed => Suppression is not null;

    /// <summary>Changes that remove this finding (SARIF fixes[]; check --fix applies those that are not a choice).</summary>
    public IReadOnlyList<Fix> Fixes { get; init; } = [];

    /// <summary>Set when the run was compared with a baseline: whether the baseline already held this finding.</summary>
    public BaselineState? BaselineState { get; init; }
}
