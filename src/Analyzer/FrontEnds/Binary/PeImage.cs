using System.Reflection.PortableExecutable;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Binary;

/// <summary>An opened PE image: its facts, its bytes by RVA, and which import each IAT slot holds.</summary>
internal sealed class PeImage(ImageFacts facts, ImageBytes bytes, PEHeaders headers, IReadOnlyDictionary<uint, string> importSlots)
{
    public ImageFacts Facts { get; } = facts;

    public ImageBytes Bytes { get; } = bytes;

    public ulong ImageBase { get; } = headers.PEHeader!.ImageBase;

    public uint SizeOfImage { get; } = (uint)headers.PEHeader!.SizeOfImage;

    public int PointerSize { get; } = facts.Is64Bit ? 8 : 4;

    /// <summary>What all code recovery of this image may spend, shared by every interpreter that reads it.</summary>
    public Recovery.RecoveryBudget Budget { get; } = new();

    /// <summary>IAT slot RVA → "dll!function".</summary>
    public IReadOnlyDictionary<uint, string> ImportSlots { get; } = importSlots;

    /// <summary>Control Flow Guard pointer RVA → what it does with the call (from the load configuration directory).</summary>
    public IReadOnlyDictionary<uint, GuardRole> GuardPointers { get; } = Binary.GuardPointers.Read(bytes, headers);

    public bool IsInImage(ulong address) => address >= ImageBase && address - ImageBase < SizeOfImage;

    public bool IsExecutable(uint rva) => Bytes.SectionAt(rva) is { IsExecutable: true };

    /// <summary>A pointer-sized value stored in the image, or null when the RVA is outside the file's data.</summary>
    public ulong? ReadPointer(uint rva)
    {
        try
        {
            return PointerSize == 8 ? Bytes.ReadUInt64(rva, "a pointer") : Bytes.ReadUInt32(rva, "a pointer");
        }
        catch (MalformedImageException)
        {
            return null;
        }
    }

    /// <summary>A NUL-terminated UTF-16 string in the image (a PRIORITY_ALIAS_* value), at most 64 characters.</summary>
    public string? ReadWideString(uint rva)
    {
        var text = new System.Text.StringBuilder();
        try
        {
            for (var i = 0u; i < 64; i++)
            {
                var c = Bytes.ReadUInt16(rva + i * 2, "a wide string");
                if (c == 0)
                {
                    return text.ToString();
                }
                text.Append((char)c);
            }
        }
        catch (MalformedImageException)
        {
        }
        return null;
    }

    /// <summary>A NUL-terminated ASCII string in the image, or null.</summary>
    public string? ReadAnsiString(uint rva)
    {
        try
        {
            return Bytes.ReadAsciiZ(rva, "a string", 256);
        }
        catch (MalformedImageException)
        {
            return null;
        }
    }

    /// <summary>Up to <paramref name="length"/> code bytes at an RVA (fewer at the end of a section).</summary>
    public byte[] CodeAt(uint rva, int length)
    {
        for (var size = length; size > 0; size /= 2)
        {
            try
            {
                return Bytes.Read(rva, size, "code").ToArray();
            }
            catch (MalformedImageException)
            {
            }
        }
        return [];
    }
}
