using System.Reflection.PortableExecutable;

namespace IisModuleValidator.FrontEnds.Binary;

/// <summary>What a Control Flow Guard pointer does with the call it guards.</summary>
internal enum GuardRole
{
    /// <summary>Validates the target (x86: in ECX; x64: in RCX) and returns; the caller then calls it itself.</summary>
    Check,

    /// <summary>Validates and jumps to the target in RAX, with the call's own arguments in place (x64).</summary>
    Dispatch,
}

/// <summary>
/// The Control Flow Guard and eXtended Flow Guard function pointers of an image, by RVA, from its load configuration
/// directory. With /guard:cf (or /guard:xfg) every indirect call goes through one of them, so a call through a vtable
/// slot reads 'call [__guard_dispatch_icall_fptr]' with the slot's target in RAX. Offsets of the fields from
/// IMAGE_LOAD_CONFIG_DIRECTORY32/64 in the Windows SDK's um/winnt.h (10.0.26100.0); a directory too small to hold a
/// field, or a pointer outside the image, leaves it out: the directory serves recovery only, never a verdict.
/// </summary>
internal static class GuardPointers
{
    private static readonly (int Offset32, int Offset64, GuardRole Role)[] Fields =
    [
        (72, 112, GuardRole.Check),     // GuardCFCheckFunctionPointer
        (76, 120, GuardRole.Dispatch),  // GuardCFDispatchFunctionPointer
        (172, 280, GuardRole.Check),    // GuardXFGCheckFunctionPointer
        (176, 288, GuardRole.Dispatch), // GuardXFGDispatchFunctionPointer
        (180, 296, GuardRole.Dispatch), // GuardXFGTableDispatchFunctionPointer
    ];

    public static IReadOnlyDictionary<uint, GuardRole> Read(ImageBytes bytes, PEHeaders headers)
    {
        var pointers = new Dictionary<uint, GuardRole>();
        var header = headers.PEHeader!;
        var directory = header.LoadConfigTableDirectory;
        if (directory.RelativeVirtualAddress == 0)
        {
            return pointers;
        }
        var is64Bit = header.Magic == PEMagic.PE32Plus;
        try
        {
            var rva = (uint)directory.RelativeVirtualAddress;
            // The structure's own Size field says which fields it has (linkers of each era wrote fewer).
            var size = bytes.ReadUInt32(rva, "the load configuration directory");
            foreach (var (offset32, offset64, role) in Fields)
            {
                var offset = is64Bit ? offset64 : offset32;
                if (offset + (is64Bit ? 8 : 4) > size)
                {
                    continue;
                }
                var address = is64Bit ? bytes.ReadUInt64(rva + (uint)offset, "a guard function pointer") : bytes.ReadUInt32(rva + (uint)offset, "a guard function pointer");
                if (address > header.ImageBase && address - header.ImageBase < (ulong)header.SizeOfImage)
                {
                    pointers[(uint)(address - header.ImageBase)] = role;
                }
            }
        }
        catch (MalformedImageException)
        {
            // A truncated or misplaced directory: the image simply has no guard pointers to follow.
        }
        return pointers;
    }
}
