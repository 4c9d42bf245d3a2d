using System.Text.RegularExpressions;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>Reads the EXPORTS section of a module-definition (.def) file.</summary>
public static partial class DefFile
{
    [GeneratedRegex(@"^\s*([A-Za-z_?@$][\w?@$]*)(\s*=\s*[\w.?@$]+)?(\s+@\d+)?(\s+NONAME)?", RegexOptions.IgnoreCase)]
    private static partial Regex ExportLine();

    /// <summary>The names exported by name (NONAME entries and forwarders excluded).</summary>
    public static IReadOnlyList<string> NamedExports(string path) =>
        [.. Entries(path).Where(entry => !entry.NoName && !entry.Forwarded).Select(entry => entry.Name)];

    /// <summary>Whether an EXPORTS entry names <paramref name="name"/> at all, forwarded or by ordinal only included: the project means to export it.</summary>
    public static bool Declares(string path, string name)
    {
        try
        {
            return Entries(path).Any(entry => entry.Name == name);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static List<(string Name, bool Forwarded, bool NoName)> Entries(string path)
    {
        var entries = new List<(string Name, bool Forwarded, bool NoName)>();
        var inExports = false;
        foreach (var raw in Io.SafeFile.ReadLines(path))
        {
            var line = raw.Split(';')[0];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var keyword = line.Trim().Split(' ', '\t')[0].ToUpperInvariant();
            if (keyword is "EXPORTS")
            {
                inExports = true;
                continue;
            }
            if (keyword is "LIBRARY" or "NAME" or "SECTIONS" or "HEAPSIZE" or "STACKSIZE" or "VERSION" or "DESCRIPTION" or "STUB")
            {
                inExports = false;
                continue;
            }
            if (inExports && ExportLine().Match(line) is { Success: true } match)
            {
                entries.Add((match.Groups[1].Value, match.Groups[2].Value.Contains('.'), match.Groups[4].Success));
            }
        }
        return entries;
    }
}
