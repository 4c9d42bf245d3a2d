using System.Globalization;
using System.Text.RegularExpressions;

namespace IisModuleValidator.Tests.Binary;

/// <summary>The public symbols of a link.exe-style map (lld-link /MAP): decorated name → RVA.</summary>
internal sealed partial class LinkerMap
{
    [GeneratedRegex(@"^\s*[0-9a-f]{4}:[0-9a-f]{8}\s+(\S+)\s+([0-9a-f]{8,16})\s", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Symbol();

    [GeneratedRegex(@"Preferred load address is ([0-9a-f]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LoadAddress();

    public LinkerMap(string path)
    {
        var text = File.ReadAllText(path);
        var imageBase = ulong.Parse(LoadAddress().Match(text).Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        foreach (Match match in Symbol().Matches(text.ReplaceLineEndings("\n")).Cast<Match>())
        {
            var rva = (uint)(ulong.Parse(match.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) - imageBase);
            SymbolsByRva.TryAdd(rva, match.Groups[1].Value);
        }
    }

    public Dictionary<uint, string> SymbolsByRva { get; } = [];

    /// <summary>The vftables: RVA → decorated name (??_7Class@@6B@).</summary>
    public IEnumerable<(uint Rva, string Name)> Vtables => SymbolsByRva.Where(pair => pair.Value.StartsWith("??_7", StringComparison.Ordinal)).Select(pair => (pair.Key, pair.Value));

    /// <summary>Whether the function at an RVA is CHttpModule's or CGlobalModule's own (a base default).</summary>
    public bool IsBaseDefault(uint rva) =>
        SymbolsByRva.TryGetValue(rva, out var name) && (name.Contains("@CHttpModule@@", StringComparison.Ordinal) || name.Contains("@CGlobalModule@@", StringComparison.Ordinal));
}
