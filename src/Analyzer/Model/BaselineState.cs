namespace IisModuleValidator.Model;

/// <summary>SARIF's baselineState of a result, against a previous run's SARIF.</summary>
public enum BaselineState
{
    /// <summary>Not in the baseline: the only findings that fail a run with a baseline.</summary>
    New,

    /// <summary>In the baseline with the same level and message.</summary>
    Unchanged,

    /// <summary>In the baseline (same rule and logical place), with a different level or message.</summary>
    Updated,
}
