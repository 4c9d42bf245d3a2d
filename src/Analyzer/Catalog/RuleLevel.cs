namespace IisModuleValidator.Catalog;

/// <summary>SARIF result levels, ordered so that a larger value is more severe.</summary>
public enum RuleLevel
{
    None = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
}

public static class RuleLevels
{
    public static RuleLevel Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "none" => RuleLevel.None,
        "note" => RuleLevel.Note,
        "warning" => RuleLevel.Warning,
        "error" => RuleLevel.Error,
        _ => throw new FormatException($"'{text}' is not a level (error, warning, note, none)"),
    };

    /// <summary>The lower-case word used by SARIF, MSBuild lines and the catalog.</summary>
    public static string ToWord(this RuleLevel level) => level.ToString().ToLowerInvariant();
}
