using System.Text.RegularExpressions;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>Reads the EXPORTS section of a module-definition (.def) file.</summary>
public static partial class DefFile
{
    [GeneratedRegex(@"^\s*([A-Za-z_?@$][\w?@$]*)(\s*=\s*[\w.?@$]+)?(\s+@\d+)?(\s+NONAME)?", RegexOptions.IgnoreCase)]
    private static partial Regex ExportLine();

    /// <summary>The names exported by name (NONAME entries and forwarders excluded).</summary>
    public static IReadOnlyList<string> NamedExports(string path)
    {
        var names = new List<string>();
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
            var match = ExportLine().Match(line);
            if (inExports && match.Success && !match.Groups[4].Success && !match.Groups[2].Value.Contains('.'))
            {
                names.Add(match.Groups[1].Value);
            }
        }
        return names;
    }
}
