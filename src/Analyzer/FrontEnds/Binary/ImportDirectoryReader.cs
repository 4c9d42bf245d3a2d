using System.Reflection.PortableExecutable;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Binary;

/// <summary>Reads the import descriptors and delay-load descriptors: which DLLs, which functions.</summary>
internal static class ImportDirectoryReader
{
    private const int MaxDescriptors = 4096;
    private const int MaxThunks = 65536;

    public static IReadOnlyList<ModuleImport> Read(ImageBytes image, PEHeaders headers) => Read(image, headers, out _);

    /// <param name="importSlots">Import address table slot RVA → "dll!function", for reading code that calls through it.</param>
    public static IReadOnlyList<ModuleImport> Read(ImageBytes image, PEHeaders headers, out IReadOnlyDictionary<uint, string> importSlots)
    {
        var slots = new Dictionary<uint, string>();
        importSlots = slots;
        var peHeader = headers.PEHeader!;
        var is64 = peHeader.Magic == PEMagic.PE32Plus;
        var imports = new List<ModuleImport>();

        var importDir = (uint)peHeader.ImportTableDirectory.RelativeVirtualAddress;
        if (importDir != 0 && peHeader.ImportTableDirectory.Size != 0)
        {
            for (var i = 0u; ; i++)
            {
                if (i == MaxDescriptors)
                {
                    throw new MalformedImageException($"the import directory has no end within {MaxDescriptors} descriptors");
                }
                var descriptor = importDir + i * 20;
                var lookupTable = image.ReadUInt32(descriptor, "an import descriptor");
                var nameRva = image.ReadUInt32(descriptor + 12, "an import descriptor");
                var addressTable = image.ReadUInt32(descriptor + 16, "an import descriptor");
                if (nameRva == 0 && lookupTable == 0 && addressTable == 0)
                {
                    break;
                }
                var dllName = image.ReadAsciiZ(nameRva, "an imported DLL name");
                var functions = ReadThunks(image, lookupTable != 0 ? lookupTable : addressTable, is64, dllName);
                for (var f = 0; f < functions.Count; f++)
                {
                    slots[addressTable + (uint)(f * (is64 ? 8 : 4))] = $"{dllName}!{functions[f]}";
                }
                imports.Add(new ModuleImport(dllName, functions, IsDelayLoad: false));
            }
        }

        var delayDir = (uint)peHeader.DelayImportTableDirectory.RelativeVirtualAddress;
        if (delayDir != 0 && peHeader.DelayImportTableDirectory.Size != 0)
        {
            var imageBase = peHeader.ImageBase;
            for (var i = 0u; ; i++)
            {
                if (i == MaxDescriptors)
                {
                    throw new MalformedImageException($"the delay-load directory has no end within {MaxDescriptors} descriptors");
                }
                var descriptor = delayDir + i * 32;
                var attributes = image.ReadUInt32(descriptor, "a delay-load descriptor");
                var nameField = image.ReadUInt32(descriptor + 4, "a delay-load descriptor");
                var nameTableField = image.ReadUInt32(descriptor + 16, "a delay-load descriptor");
                if (nameField == 0)
                {
                    break;
                }
                // Attribute bit 0 (dlattrRva) says the fields are RVAs; old linkers wrote VAs.
                uint ToRva(uint field) => (attributes & 1) != 0 ? field : (uint)(field - imageBase);
                var dllName = image.ReadAsciiZ(ToRva(nameField), "a delay-loaded DLL name");
                var functions = nameTableField == 0 ? [] : ReadThunks(image, ToRva(nameTableField), is64, dllName);
                imports.Add(new ModuleImport(dllName, functions, IsDelayLoad: true));
            }
        }
        return imports;
    }

    private static IReadOnlyList<string> ReadThunks(ImageBytes image, uint tableRva, bool is64, string dllName)
    {
        var functions = new List<string>();
        var what = $"the import lookup table of {dllName}";
        for (var i = 0u; ; i++)
        {
            if (i == MaxThunks)
            {
                throw new MalformedImageException($"{what} has no end within {MaxThunks} entries");
            }
            ulong thunk = is64 ? image.ReadUInt64(tableRva + i * 8, what) : image.ReadUInt32(tableRva + i * 4, what);
            if (thunk == 0)
            {
                return functions;
            }
            var byOrdinal = is64 ? (thunk & 0x8000000000000000UL) != 0 : (thunk & 0x80000000UL) != 0;
            functions.Add(byOrdinal
                ? $"#{thunk & 0xFFFF}"
                : image.ReadAsciiZ((uint)(thunk & 0x7FFFFFFF) + 2, $"an imported function name from {dllName}"));
        }
    }
}
