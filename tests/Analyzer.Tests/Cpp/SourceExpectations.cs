using System.Text.RegularExpressions;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// The '// expect: IISM2001 IISM2001' markers in the sample sources and projects: each id on a line is one finding
/// the validator must report at that line of that file, and nothing else may be reported. '// expect-suppressed: ...'
/// marks a finding that must be reported and suppressed by an iism-suppress comment.
/// </summary>
internal static partial class SourceExpectations
{
    [GeneratedRegex(@"expect: ((?:IISM\d{4}\s*)+)")]
    private static partial Regex Marker();

    [GeneratedRegex(@"expect-suppressed: ((?:IISM\d{4}\s*)+)")]
    private static partial Regex SuppressedMarker();

    public static IReadOnlyList<string> For(string sampleFolder, bool suppressed = false)
    {
        var expected = new List<string>();
        foreach (var file in Directory.EnumerateFiles(sampleFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                if ((suppressed ? SuppressedMarker() : Marker()).Match(line) is { Success: true } match)
                {
                    expected.AddRange(match.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(id => Key(file, lineNumber, id)));
                }
            }
        }
        return [.. expected.Order(StringComparer.Ordinal)];
    }

    /// <summary>The rules an '// expect:' marker under the folder names: the sample tests hold each to a real finding,
    /// so a comment that merely mentions an id does not count.</summary>
    public static IReadOnlySet<string> MarkedRuleIds(string folder) =>
        For(folder).Select(key => key[(key.LastIndexOf(' ') + 1)..]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The findings as the markers' keys, in the order <see cref="For"/> gives them.</summary>
    public static IEnumerable<string> Keys(IEnumerable<Model.Finding> findings) =>
        findings.Select(finding => Key(finding.Location.FilePath, finding.Location.Line ?? 0, finding.RuleId)).Order(StringComparer.Ordinal);

    public static string Key(string file, int line, string ruleId) =>
        $"{Path.GetRelativePath(TestPaths.Samples, file).Replace('\\', '/')}:{line} {ruleId}";
}
