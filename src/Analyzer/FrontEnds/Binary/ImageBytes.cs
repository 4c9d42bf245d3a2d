using System.Buffers.Binary;
using System.Reflection.PortableExecutable;
using System.Text;

namespace IisModuleValidator.FrontEnds.Binary;

/// <summary>
/// Bounds-checked reads from a PE image's file bytes by RVA. Every read that would leave the file or land
/// outside every section throws <see cref="MalformedImageException"/> naming what was being read.
/// </summary>
internal sealed class ImageBytes(byte[] file, PEHeaders headers)
{
    /// <summary>A section as the loader maps it. Header fields are unsigned: a raw-data pointer with the high bit set is
    /// a large offset (beyond the file), not a negative one.</summary>
    internal readonly record struct MappedSection(uint Start, uint Size, uint RawPointer, uint RawSize, bool IsExecutable, int TableIndex);

    // Sorted by start, so that an RVA is found by binary search: a crafted image can have 65,535 sections.
    private readonly MappedSection[] _sections = [.. headers.SectionHeaders
        .Select((section, index) => new MappedSection((uint)section.VirtualAddress, Math.Max((uint)section.VirtualSize, (uint)section.SizeOfRawData),
            (uint)section.PointerToRawData, (uint)section.SizeOfRawData, (section.SectionCharacteristics & SectionCharacteristics.MemExecute) != 0, index))
        .Where(section => section.Size > 0)
        .OrderBy(section => section.Start).ThenBy(section => section.TableIndex)];

    // The largest end among the sections up to each index: with overlapping sections a binary search alone could miss one.
    private ulong[]? _maxEnds;
    private const int MaxOverlapScan = 64;

    public int FileLength => file.Length;

    /// <summary>The section that maps an RVA. Sections of a valid image do not overlap; for a crafted one whose sections
    /// do, the one starting closest below the RVA is taken, looking back at most <see cref="MaxOverlapScan"/> sections.</summary>
    public MappedSection? SectionAt(uint rva)
    {
        _maxEnds ??= BuildMaxEnds();
        // The last section starting at or before the RVA, then back while an earlier one may still reach it.
        int low = 0, high = _sections.Length - 1, last = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_sections[middle].Start <= rva)
            {
                last = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        for (var i = last; i >= 0 && i > last - MaxOverlapScan && _maxEnds[i] > rva; i--)
        {
            if (rva - _sections[i].Start < _sections[i].Size)
            {
                return _sections[i];
            }
        }
        return null;
    }

    private ulong[] BuildMaxEnds()
    {
        var ends = new ulong[_sections.Length];
        ulong max = 0;
        for (var i = 0; i < _sections.Length; i++)
        {
            max = Math.Max(max, (ulong)_sections[i].Start + _sections[i].Size);
            ends[i] = max;
        }
        return ends;
    }

    public int ToFileOffset(uint rva, int length, string what)
    {
        if (SectionAt(rva) is { } section)
        {
            var offset = (long)section.RawPointer + (rva - section.Start);
            if ((ulong)(rva - section.Start) + (uint)length > section.RawSize || offset + length > file.Length)
            {
                throw new MalformedImageException(
                    $"truncated: {what} at RVA 0x{rva:X} lies beyond the end of the file ({file.Length} bytes)");
            }
            return (int)offset;
        }
        // Some linkers place small directories in the headers, which map 1:1.
        if (rva + (ulong)length <= (ulong)headers.PEHeader!.SizeOfHeaders && rva + (ulong)length <= (ulong)file.Length)
        {
            return (int)rva;
        }
        throw new MalformedImageException($"{what} at RVA 0x{rva:X} is not inside any section");
    }

    public ReadOnlySpan<byte> Read(uint rva, int length, string what) => file.AsSpan(ToFileOffset(rva, length, what), length);

    public ushort ReadUInt16(uint rva, string what) => BinaryPrimitives.ReadUInt16LittleEndian(Read(rva, 2, what));

    public uint ReadUInt32(uint rva, string what) => BinaryPrimitives.ReadUInt32LittleEndian(Read(rva, 4, what));

    public ulong ReadUInt64(uint rva, string what) => BinaryPrimitives.ReadUInt64LittleEndian(Read(rva, 8, what));

    /// <summary>A NUL-terminated ASCII string of at most <paramref name="maxLength"/> bytes.</summary>
    public string ReadAsciiZ(uint rva, string what, int maxLength = 4096)
    {
        var offset = ToFileOffset(rva, 1, what);
        var end = offset;
        var limit = Math.Min(file.Length, offset + maxLength);
        while (end < limit && file[end] != 0)
        {
            end++;
        }
        if (end == limit)
        {
            throw new MalformedImageException($"{what} at RVA 0x{rva:X} is not NUL-terminated within {maxLength} bytes");
        }
        return Encoding.Latin1.GetString(file, offset, end - offset);
    }
}
