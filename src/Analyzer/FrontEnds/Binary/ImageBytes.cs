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
    public int FileLength => file.Length;

    public int ToFileOffset(uint rva, int length, string what)
    {
        foreach (var section in headers.SectionHeaders)
        {
            var start = (uint)section.VirtualAddress;
            var size = (uint)Math.Max(section.VirtualSize, section.SizeOfRawData);
            if (rva >= start && rva - start < size)
            {
                var offset = (long)section.PointerToRawData + (rva - start);
                if (rva - start + (uint)length > (uint)section.SizeOfRawData || offset + length > file.Length)
                {
                    throw new MalformedImageException(
                        $"truncated: {what} at RVA 0x{rva:X} lies beyond the end of the file ({file.Length} bytes)");
                }
                return (int)offset;
            }
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
