using System.Text.RegularExpressions;

namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// Reads RTTI. MSVC (/GR): the pointer before a vtable leads to its Complete Object Locator, which leads to the type
/// descriptor whose decorated name (".?AVCMyModule@@") names the class. Itanium C++ ABI (g++, mingw-w64): the vtable's
/// address point is preceded by the offset to top (0 for a primary vtable) and the typeinfo, whose second field points
/// at the _ZTS name ("12CAuditModule"). Every structure is checked (signature, self-reference, name shape) before it
/// is believed; anything else means "no RTTI here".
/// </summary>
internal sealed partial class RttiReader(PeImage image)
{
    /// <summary>The class name of the vtable at <paramref name="vtableRva"/>, or null when it carries no RTTI.</summary>
    public string? ClassName(uint vtableRva) => MsvcClassName(vtableRva) ?? ItaniumClassName(vtableRva);

    private string? ItaniumClassName(uint vtableRva)
    {
        var pointer = (uint)image.PointerSize;
        if (vtableRva < 2 * pointer || image.ReadPointer(vtableRva - 2 * pointer) is not 0
            || image.ReadPointer(vtableRva - pointer) is not { } typeInfo || !image.IsInImage(typeInfo)
            || image.ReadPointer((uint)(typeInfo - image.ImageBase) + pointer) is not { } name || !image.IsInImage(name))
        {
            return null;
        }
        return image.ReadAnsiString((uint)(name - image.ImageBase)) is { } mangled ? Demangle(mangled) : null;
    }

    [GeneratedRegex(@"^(?:N((?:\d+\w+?)+)E|(\d+\w+))$")]
    private static partial Regex ItaniumName();

    /// <summary>"12CAuditModule" → "CAuditModule", "N5Outer7CModuleE" → "Outer::CModule"; null for anything else.</summary>
    public static string? Demangle(string mangled)
    {
        if (!ItaniumName().IsMatch(mangled))
        {
            return null;
        }
        var text = mangled.StartsWith('N') ? mangled[1..^1] : mangled;
        var parts = new List<string>();
        var at = 0;
        while (at < text.Length)
        {
            var digits = at;
            while (at < text.Length && char.IsAsciiDigit(text[at]))
            {
                at++;
            }
            if (digits == at || !int.TryParse(text[digits..at], out var length) || length <= 0 || at + length > text.Length)
            {
                return null;
            }
            parts.Add(text.Substring(at, length));
            at += length;
        }
        return parts.All(part => part.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) ? string.Join("::", parts) : null;
    }

    private string? MsvcClassName(uint vtableRva)
    {
        if (vtableRva < image.PointerSize || image.ReadPointer(vtableRva - (uint)image.PointerSize) is not { } locatorAddress || !image.IsInImage(locatorAddress))
        {
            return null;
        }
        var locator = (uint)(locatorAddress - image.ImageBase);
        try
        {
            var signature = image.Bytes.ReadUInt32(locator, "a complete object locator");
            var typeDescriptorField = image.Bytes.ReadUInt32(locator + 12, "a complete object locator");
            uint typeDescriptor;
            if (signature == 1 && image.PointerSize == 8)
            {
                // x64: image-relative fields, the last one pointing back at the locator itself.
                if (image.Bytes.ReadUInt32(locator + 20, "a complete object locator") != locator)
                {
                    return null;
                }
                typeDescriptor = typeDescriptorField;
            }
            else if (signature == 0 && image.PointerSize == 4 && image.IsInImage(typeDescriptorField))
            {
                typeDescriptor = (uint)(typeDescriptorField - image.ImageBase);
            }
            else
            {
                return null;
            }
            var decorated = image.ReadAnsiString(typeDescriptor + (uint)(2 * image.PointerSize));
            return decorated is not null ? Undecorate(decorated) : null;
        }
        catch (MalformedImageException)
        {
            return null;
        }
    }

    /// <summary>".?AVCModule@Outer@@" → "Outer::CModule"; null for anything that is not a class or struct name.</summary>
    public static string? Undecorate(string decorated)
    {
        if (!(decorated.StartsWith(".?AV", StringComparison.Ordinal) || decorated.StartsWith(".?AU", StringComparison.Ordinal))
            || !decorated.EndsWith("@@", StringComparison.Ordinal) || decorated.Length <= 6)
        {
            return null;
        }
        var parts = decorated[4..^2].Split('@');
        return parts.Any(part => part.Length == 0 || part.Contains('?')) ? null : string.Join("::", parts.Reverse());
    }
}
