using System.Reflection.PortableExecutable;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Binary;

/// <summary>
/// Reads what the rules need from a PE file: machine, kind (DLL/EXE, native/managed), exports and imports.
/// Headers come from System.Reflection.PortableExecutable; the export and import directories from our own
/// bounds-checked readers. Anything that is not a well-formed PE raises <see cref="MalformedImageException"/>.
/// </summary>
public static class PeImageReader
{
    public static ImageFacts Read(byte[] file) => Open(file).Facts;

    /// <summary>The facts and what code recovery needs beside them: the bytes by RVA and the import address table.</summary>
    internal static PeImage Open(byte[] file)
    {
        CheckDosAndPeSignatures(file);
        PEHeaders headers;
        try
        {
            using var stream = new MemoryStream(file, writable: false);
            headers = new PEHeaders(stream);
        }
        catch (BadImageFormatException exception)
        {
            throw new MalformedImageException($"malformed PE headers: {exception.Message}");
        }
        if (headers.PEHeader is null)
        {
            throw new MalformedImageException("a COFF object file, not a PE image (no optional header)");
        }

        var image = new ImageBytes(file, headers);
        var (dllName, exports) = ExportDirectoryReader.Read(image, headers.PEHeader.ExportTableDirectory);
        var imports = ImportDirectoryReader.Read(image, headers, out var addressTable);
        var coff = headers.CoffHeader;
        var facts = new ImageFacts(
            MachineNames.Of(coff.Machine, HybridMetadata.Present(image, headers)),
            (ushort)coff.Machine,
            IsDll: (coff.Characteristics & Characteristics.Dll) != 0,
            IsManaged: headers.CorHeader is not null,
            Is64Bit: headers.PEHeader.Magic == PEMagic.PE32Plus,
            Subsystem: headers.PEHeader.Subsystem.ToString(),
            exports,
            imports,
            dllName);
        return new PeImage(facts, image, headers, addressTable);
    }

    private static void CheckDosAndPeSignatures(byte[] file)
    {
        if (file.Length == 0)
        {
            throw new MalformedImageException("the file is empty (0 bytes)");
        }
        if (file.Length < 2 || file[0] != (byte)'M' || file[1] != (byte)'Z')
        {
            var looksLikeText = file.Take(512).All(b => b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t');
            throw new MalformedImageException(looksLikeText
                ? "not a PE file: it is text, not a binary (no 'MZ' signature)"
                : "not a PE file: no 'MZ' signature at the start");
        }
        if (file.Length < 0x40)
        {
            throw new MalformedImageException($"truncated: {file.Length} bytes is shorter than the 64-byte DOS header");
        }
        var peOffset = BitConverter.ToInt32(file, 0x3C);
        if (peOffset < 0 || (long)peOffset + 24 > file.Length)
        {
            throw new MalformedImageException(
                $"truncated: the DOS header points to a PE header at offset 0x{peOffset:X}, beyond the end of the file ({file.Length} bytes)");
        }
        if (file[peOffset] != 'P' || file[peOffset + 1] != 'E' || file[peOffset + 2] != 0 || file[peOffset + 3] != 0)
        {
            throw new MalformedImageException("an MS-DOS executable, not a PE image (no 'PE' signature)");
        }
    }
}
