using System.Globalization;
using System.Text.RegularExpressions;

namespace IisModuleValidator.Tests.Binary;

/// <summary>
/// The symbols of a linked sample, the ground truth of the binary recovery tests: a link.exe-style map (lld-link /MAP)
/// with MSVC-decorated names, or, for g++-mingw-w64 builds, the DLL's symbol table as nm prints it (Itanium names).
/// </summary>
internal sealed partial class LinkerMap
{
    [GeneratedRegex(@"^\s*[0-9a-f]{4}:[0-9a-f]{8}\s+(\S+)\s+([0-9a-f]{8,16})\s", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MapSymbol();

    [GeneratedRegex(@"Preferred load address is ([0-9a-f]+)", RegexOptions.IgnoreCase)]
    private static partial Regex LoadAddress();

    [GeneratedRegex(@"^([0-9a-f]{8,16}) [TtRrDd] (\S+)$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex NmSymbol();

    /// <summary>An Itanium vtable (_ZTV, one more underscore on x86) of a class at namespace scope: _ZTV12CAuditModule.</summary>
    [GeneratedRegex(@"^_?_ZTV(\d+)(\w+)$")]
    private static partial Regex ItaniumVtable();

    private readonly Dictionary<uint, string> _classByVtable = [];

    /// <summary>The map of a sample DLL: NAME.map beside the other maps, or NAME.nm for a mingw build.</summary>
    public static LinkerMap For(string mapsFolder, string relativeDll, FrontEnds.Binary.PeImage image)
    {
        var nm = Path.Combine(mapsFolder, Path.ChangeExtension(relativeDll, ".nm"));
        return File.Exists(nm) ? new LinkerMap(File.ReadAllText(nm), image.ImageBase, image.PointerSize)
            : new LinkerMap(File.ReadAllText(Path.Combine(mapsFolder, Path.ChangeExtension(relativeDll, ".map"))));
    }

    private LinkerMap(string map)
    {
        var imageBase = ulong.Parse(LoadAddress().Match(map).Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        foreach (Match match in MapSymbol().Matches(map.ReplaceLineEndings("\n")).Cast<Match>())
        {
            var rva = (uint)(ulong.Parse(match.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture) - imageBase);
            var name = match.Groups[1].Value;
            SymbolsByRva.TryAdd(rva, name);
            if (name.StartsWith("??_7", StringComparison.Ordinal))
            {
                _classByVtable.TryAdd(rva, name[4..name.IndexOf("@@", StringComparison.Ordinal)]);
            }
        }
    }

    private LinkerMap(string nm, ulong imageBase, int pointerSize)
    {
        foreach (Match match in NmSymbol().Matches(nm.ReplaceLineEndings("\n")).Cast<Match>())
        {
            var address = ulong.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var name = match.Groups[2].Value;
            if (address < imageBase || name.StartsWith('.'))
            {
                continue; // absolute symbols and section names
            }
            var rva = (uint)(address - imageBase);
            SymbolsByRva.TryAdd(rva, name);
            // Objects point past the offset-to-top and typeinfo entries: the vtable's address point.
            if (ItaniumVtable().Match(name) is { Success: true } vtable && int.Parse(vtable.Groups[1].Value, CultureInfo.InvariantCulture) == vtable.Groups[2].Length)
            {
                _classByVtable.TryAdd(rva + (uint)(2 * pointerSize), vtable.Groups[2].Value);
            }
        }
    }

    public Dictionary<uint, string> SymbolsByRva { get; } = [];

    /// <summary>The vtables objects point to, by RVA.</summary>
    public IEnumerable<uint> Vtables => _classByVtable.Keys;

    /// <summary>The class whose vtable (its address point) is at an RVA, or null.</summary>
    public string? ClassOfVtable(uint rva) => _classByVtable.GetValueOrDefault(rva);

    /// <summary>Whether the function at an RVA is CHttpModule's or CGlobalModule's own (a base default).</summary>
    public bool IsBaseDefault(uint rva) =>
        SymbolsByRva.TryGetValue(rva, out var name) && (name.Contains("@CHttpModule@@", StringComparison.Ordinal) || name.Contains("@CGlobalModule@@", StringComparison.Ordinal)
            || name.Contains("_ZN11CHttpModule", StringComparison.Ordinal) || name.Contains("_ZN13CGlobalModule", StringComparison.Ordinal));
}
