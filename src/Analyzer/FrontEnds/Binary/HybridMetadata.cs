using System.Reflection.PortableExecutable;

namespace IisModuleValidator.FrontEnds.Binary;

/// <summary>
/// Whether a 64-bit image carries CHPE ("compiled hybrid PE") metadata: the load configuration directory's
/// CHPEMetadataPointer (IMAGE_LOAD_CONFIG_DIRECTORY64 in the Windows SDK's um/winnt.h, 10.0.26100.0: offset 200) is set.
/// An AMD64 header with it is an ARM64EC image, an ARM64 header with it an ARM64X one: the machine field alone keeps
/// the value an x64 or ARM64 loader accepts (LLVM's COFFObjectFile::getMachine reads them the same way).
/// </summary>
internal static class HybridMetadata
{
    private const int ChpeMetadataPointerOffset = 200;

    public static bool Present(ImageBytes bytes, PEHeaders headers)
    {
        var header = headers.PEHeader!;
        var directory = header.LoadConfigTableDirectory;
        if (header.Magic != PEMagic.PE32Plus || directory.RelativeVirtualAddress == 0)
        {
            return false;
        }
        try
        {
            var rva = (uint)directory.RelativeVirtualAddress;
            // The structure's own Size field says which fields it has (linkers of each era wrote fewer).
            if (bytes.ReadUInt32(rva, "the load configuration directory") < ChpeMetadataPointerOffset + 8)
            {
                return false;
            }
            var pointer = bytes.ReadUInt64(rva + ChpeMetadataPointerOffset, "the CHPE metadata pointer");
            return pointer > header.ImageBase && pointer - header.ImageBase < (ulong)header.SizeOfImage;
        }
        catch (MalformedImageException)
        {
            return false;
        }
    }
}
