using System.Reflection.PortableExecutable;

namespace IisModuleValidator.FrontEnds.Binary;

/// <summary>The names users write for COFF machine types (as in --expect-arch).</summary>
public static class MachineNames
{
    /// <summary>IMAGE_FILE_MACHINE_ARM64EC and IMAGE_FILE_MACHINE_ARM64X (um/winnt.h): the object files' machines. An image
    /// says AMD64 or ARM64 in its header and is hybrid by its CHPE metadata (<see cref="HybridMetadata"/>).</summary>
    private const ushort Arm64EC = 0xA641;
    private const ushort Arm64X = 0xA64E;

    /// <summary>The name of an image's architecture: its header's machine, or arm64ec (an AMD64 header) and arm64x (an ARM64
    /// header) when it carries CHPE metadata.</summary>
    public static string Of(Machine machine, bool hybrid) => (machine, hybrid) switch
    {
        (Machine.Amd64, true) => "arm64ec",
        (Machine.Arm64, true) => "arm64x",
        _ => Of(machine),
    };

    public static string Of(Machine machine) => machine switch
    {
        (Machine)Arm64EC => "arm64ec",
        (Machine)Arm64X => "arm64x",
        Machine.I386 => "x86",
        Machine.Amd64 => "x64",
        Machine.Arm64 => "arm64",
        Machine.ArmThumb2 => "arm",
        Machine.IA64 => "ia64",
        _ => $"0x{(ushort)machine:X4}",
    };

    public static readonly IReadOnlyList<string> Expectable = ["x86", "x64", "arm64", "arm64ec"];
}
