using System.Text.RegularExpressions;
using IisModuleValidator.Catalog;
using IisModuleValidator.Io;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Analysis.Suppressions;

/// <summary>
/// C and C++ suppressions written in the source: <c>// iism-suppress IISM2003: handled by the base module</c> (or in a
/// <c>/* */</c> comment), on the finding's line, on the line before it, or on (or before) the line of a place the finding
/// relates to, such as the module class. Several ids may be listed, separated by commas. The justification after the
/// colon is required: a comment without one suppresses nothing and is reported (IISM9011), so that every accepted
/// finding says why.
/// </summary>
internal sealed partial class CommentSuppressions(RuleCatalog catalog)
{
    [GeneratedRegex(@"(?://|/\*)\s*iism-suppress\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Comment();

    [GeneratedRegex(@"^\s+(?<ids>IISM\d{4}(?:\s*,\s*IISM\d{4})*)\s*(?::(?<why>.*?))?\s*(?:\*/.*)?$")]
    private static partial Regex Body();

    private readonly Dictionary<string, IReadOnlyDictionary<int, Directive>> _directivesByFile = new(StringComparer.Ordinal);
    private readonly List<ToolNotification> _problems = [];

    private sealed record Directive(IReadOnlySet<string> RuleIds, string? Justification, string Text);

    /// <summary>Suppression comments that suppress nothing because they are malformed or give no justification.</summary>
    public IReadOnlyList<ToolNotification> Problems => _problems;

    public Finding Apply(Finding finding)
    {
        IEnumerable<SourceLocation> places = [finding.Location, .. finding.Related.Select(related => related.Location)];
        foreach (var place in places)
        {
            if (place.Line is not { } line || !FrontEnds.Cpp.CppFileKinds.IsSourceOrHeader(place.FilePath))
            {
                continue;
            }
            var directives = DirectivesOf(place.FilePath);
            foreach (var candidate in new[] { line, line - 1 })
            {
                if (directives.TryGetValue(candidate, out var directive) && directive.Justification is { } justification
                    && directive.RuleIds.Contains(finding.RuleId))
                {
                    return finding with { Suppression = new Suppression(justification, SourceLocation.InSource(place.FilePath, candidate, 1)) };
                }
            }
        }
        return finding;
    }

    private IReadOnlyDictionary<int, Directive> DirectivesOf(string path)
    {
        if (_directivesByFile.TryGetValue(path, out var known))
        {
            return known;
        }
        var directives = new Dictionary<int, Directive>();
        try
        {
            var number = 0;
            foreach (var text in SafeFile.ReadLines(path))
            {
                number++;
                if (text.IndexOf("iism-suppress", StringComparison.OrdinalIgnoreCase) < 0 || Comment().Match(text) is not { Success: true } comment)
                {
                    continue;
                }
                var body = Body().Match(comment.Groups["rest"].Value);
                if (!body.Success)
                {
                    _problems.Add(ToolNotification.Create(catalog, ToolNotificationIds.SuppressionIgnored, path,
                        number.ToString(System.Globalization.CultureInfo.InvariantCulture), "it names no rule id (write 'iism-suppress IISMnnnn: why')"));
                    continue;
                }
                var ids = body.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
                var justification = body.Groups["why"].Success && body.Groups["why"].Value.Trim() is { Length: > 0 } why ? why : null;
                if (justification is null)
                {
                    _problems.Add(ToolNotification.Create(catalog, ToolNotificationIds.SuppressionIgnored, path,
                        number.ToString(System.Globalization.CultureInfo.InvariantCulture), $"it gives no justification for {string.Join(", ", ids.Order(StringComparer.Ordinal))} (write ': why' after the ids)"));
                }
                directives[number] = new Directive(ids, justification, text.Trim());
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The file was parsed, so it was readable then; if it is not now, nothing in it suppresses anything.
        }
        _directivesByFile[path] = directives;
        return directives;
    }
}
