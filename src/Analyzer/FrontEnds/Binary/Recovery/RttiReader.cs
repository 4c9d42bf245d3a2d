namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// Reads MSVC RTTI (/GR): the pointer before a vtable leads to its Complete Object Locator, which leads to the type
/// descriptor whose decorated name (".?AVCMyModule@@") names the class. Every structure is checked (signature,
/// self-reference, name shape) before it is believed; anything else means "no RTTI here".
/// </summary>
internal sealed class RttiReader(PeImage image)
{
    /// <summary>The class name of the vtable at <paramref name="vtableRva"/>, or null when it carries no RTTI.</summary>
    public string? ClassName(uint vtableRva)
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
