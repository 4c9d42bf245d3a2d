namespace IisModuleValidator.Model;

/// <summary>How much of a fact recovered from a binary rests on a complete chain (source facts are exact).</summary>
public enum Confidence
{
    /// <summary>Constants and the whole chain were seen.</summary>
    Exact,
    /// <summary>Part of it is known (e.g. the masks, not the module class).</summary>
    Partial,
    /// <summary>Not recovered; the reason says why.</summary>
    Unknown,
}
