using System.Text;
using System.Text.RegularExpressions;

namespace IisModuleValidator.Analysis.Severities;

/// <summary>
/// What of an .editorconfig or .globalconfig the validator hands Roslyn's parser: the preamble's root and global keys,
/// and the sections that set a dotnet_diagnostic.IISMnnnn option, at most <see cref="MaxSections"/> of them, each glob
/// at most <see cref="MaxGlobLength"/> characters with at most <see cref="MaxBraces"/> brace groups. A 29 MB file of
/// hundreds of thousands of glob sections (under the size cap) cost Roslyn minutes and gigabytes; the IISM options of
/// a real file pass through unchanged.
/// </summary>
internal static partial class RelevantConfigText
{
    public const int MaxSections = 2_000;
    public const int MaxGlobLength = 1_000;
    public const int MaxBraces = 8;

    [GeneratedRegex(@"^\s*dotnet_diagnostic\.iism\d+\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IismOption();

    [GeneratedRegex(@"^\s*(root|is_global|global_level)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreambleKey();

    public static string Of(string text)
    {
        var kept = new StringBuilder();
        string? section = null;
        var sectionLines = new List<string>();
        var sections = 0;
        void Close()
        {
            if (section is not null && sectionLines.Count > 0 && sections < MaxSections && Reasonable(section))
            {
                kept.Append(section).Append('\n');
                sectionLines.ForEach(line => kept.Append(line).Append('\n'));
                sections++;
            }
            sectionLines.Clear();
        }
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.ToString();
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith('['))
            {
                Close();
                section = line;
            }
            else if (IismOption().IsMatch(line) || (section is null && PreambleKey().IsMatch(line)))
            {
                (section is null ? null : sectionLines)?.Add(line);
                if (section is null)
                {
                    kept.Append(line).Append('\n');
                }
            }
        }
        Close();
        return kept.ToString();
    }

    private static bool Reasonable(string header) => header.Length <= MaxGlobLength && header.Count(c => c == '{') <= MaxBraces;
}
