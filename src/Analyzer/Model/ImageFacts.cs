namespace IisModuleValidator.Model;

/// <summary>What the PE headers say about a binary.</summary>
/// <param name="Machine">The COFF machine, as named in inspect output and rule messages (x86, x64, arm64, ...).</param>
/// <param name="IsDll">IMAGE_FILE_DLL is set.</param>
/// <param name="IsManaged">The image has a CLI (.NET) header.</param>
public sealed record ImageFacts(
    string Machine,
    ushort MachineCode,
    bool IsDll,
    bool IsManaged,
    bool Is64Bit,
    string Subsystem,
    IReadOnlyList<ModuleExport> Exports,
    IReadOnlyList<ModuleImport> Imports,
    string? ExportDirectoryName);

/// <summary>One export directory entry.</summary>
/// <param name="Name">The exported name, or null when exported by ordinal only (NONAME).</param>
/// <param name="Forwarder">"Dll.Function" when the entry forwards to another DLL instead of pointing at code.</param>
public sealed record ModuleExport(string? Name, uint Ordinal, uint Rva, string? Forwarder)
{
    public bool IsForwarder => Forwarder is not null;
}

/// <summary>The functions one DLL import descriptor (or delay-load descriptor) takes from a DLL.</summary>
/// <param name="Functions">Imported names; ordinals as "#N".</param>
public sealed record ModuleImport(string DllName, IReadOnlyList<string> Functions, bool IsDelayLoad);
