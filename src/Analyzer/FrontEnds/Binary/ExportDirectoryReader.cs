using System.Reflection.PortableExecutable;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Binary;

/// <summary>Reads IMAGE_EXPORT_DIRECTORY: named, ordinal-only (NONAME) and forwarded exports.</summary>
internal static class ExportDirectoryReader
{
    private const int MaxEntries = 65536; // ordinals are 16-bit

    public static (string? DllName, IReadOnlyList<ModuleExport> Exports) Read(ImageBytes image, DirectoryEntry directory)
    {
        if (directory.RelativeVirtualAddress == 0 || directory.Size == 0)
        {
            return (null, []);
        }
        var dir = (uint)directory.RelativeVirtualAddress;
        var dirEnd = dir + (uint)directory.Size;
        image.Read(dir, 40, "the export directory");
        var nameRva = image.ReadUInt32(dir + 12, "the export directory");
        var ordinalBase = image.ReadUInt32(dir + 16, "the export directory");
        var functionCount = image.ReadUInt32(dir + 20, "the export directory");
        var nameCount = image.ReadUInt32(dir + 24, "the export directory");
        var functionsRva = image.ReadUInt32(dir + 28, "the export directory");
        var namesRva = image.ReadUInt32(dir + 32, "the export directory");
        var ordinalsRva = image.ReadUInt32(dir + 36, "the export directory");
        if (functionCount > MaxEntries || nameCount > MaxEntries)
        {
            throw new MalformedImageException(
                $"the export directory claims {functionCount} functions and {nameCount} names (at most {MaxEntries} are possible)");
        }

        var namesByIndex = new Dictionary<uint, string>();
        for (var i = 0u; i < nameCount; i++)
        {
            var index = image.ReadUInt16(ordinalsRva + i * 2, "the export name-ordinal table");
            var name = image.ReadAsciiZ(image.ReadUInt32(namesRva + i * 4, "the export name table"), "an export name");
            namesByIndex.TryAdd(index, name);
        }

        var exports = new List<ModuleExport>();
        for (var i = 0u; i < functionCount; i++)
        {
            var rva = image.ReadUInt32(functionsRva + i * 4, "the export address table");
            if (rva == 0)
            {
                continue; // an unused ordinal
            }
            var forwarder = rva >= dir && rva < dirEnd ? image.ReadAsciiZ(rva, "an export forwarder string") : null;
            exports.Add(new ModuleExport(namesByIndex.GetValueOrDefault(i), ordinalBase + i, rva, forwarder));
        }
        var dllName = nameRva == 0 ? null : image.ReadAsciiZ(nameRva, "the export directory's DLL name");
        return (dllName, exports);
    }
}
