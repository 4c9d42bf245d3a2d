using System.Reflection.PortableExecutable;

namespace IisModuleValidator.FrontEnds.Binary;

/// <summary>The names users write for COFF machine types (as in --expect-arch).</summary>
public static class MachineNames
{
    public static string Of(Machine machine) => machine switch
    {
        Machine.I386 => "x86",
        Machine.Amd64 => "x64",
        Machine.Arm64 => "arm64",
        Machine.ArmThumb2 => "arm",
        Machine.IA64 => "ia64",
        _ => $"0x{(ushort)machine:X4}",
    };

    public static readonly IReadOnlyList<string> Expectable = ["x86", "x64", "arm64"];
}
