using System.Text.RegularExpressions;
using IisModuleValidator.Catalog;

namespace IisModuleValidator.Cli;

/// <summary>
/// A rule level as --rule and a configuration file's "rules" give it: an id or a pattern of ids (IISM6*, IISM20?1) and a
/// level. A pattern stands for the catalog's ids it matches, in their order, so that a later exact id overrides it.
/// </summary>
public static class RuleLevelSetting
{
    /// <summary>The ids <paramref name="pattern"/> names (case-insensitive; * and ? as in file names), or why none.</summary>
    public static (IReadOnlyList<string> Ids, string? Error) Ids(string pattern)
    {
        var trimmed = pattern.Trim();
        if (trimmed.Length == 0)
        {
            return ([], "no rule id before '='");
        }
        if (trimmed.Any(character => !(char.IsAsciiLetterOrDigit(character) || character is '*' or '?')))
        {
            return ([], $"'{trimmed}' is not a rule id or a pattern of ids (IISM2003, IISM6*)");
        }
        var expression = new Regex("^" + Regex.Escape(trimmed.ToUpperInvariant()).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.CultureInvariant);
        var ids = RuleCatalog.Default.All.Select(rule => rule.Id).Where(id => expression.IsMatch(id)).Order(StringComparer.Ordinal).ToList();
        return ids.Count > 0 ? (ids, null) : ([], $"'{trimmed}' matches no rule of the catalog (list-rules shows them)");
    }

    /// <summary>"IISM6*=none" as (id, level) settings, or why it is not one.</summary>
    public static (IReadOnlyList<(string Id, RuleLevel Level)> Settings, string? Error) Parse(string setting)
    {
        var parts = setting.Split('=', 2);
        if (parts.Length != 2)
        {
            return ([], "it has no '=': write IISMnnnn=level or a pattern such as IISM6*=none");
        }
        return Parse(parts[0], parts[1]);
    }

    public static (IReadOnlyList<(string Id, RuleLevel Level)> Settings, string? Error) Parse(string pattern, string level)
    {
        var (ids, error) = Ids(pattern);
        if (error is not null)
        {
            return ([], error);
        }
        try
        {
            var parsed = RuleLevels.Parse(level);
            return ([.. ids.Select(id => (id, parsed))], null);
        }
        catch (FormatException)
        {
            return ([], $"'{level.Trim()}' is not a level: none, note, warning or error");
        }
    }
}
