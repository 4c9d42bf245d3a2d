namespace IisModuleValidator.Io;

/// <summary>An input that is not a regular file, or is larger than the validator reads.</summary>
public sealed class UnsafeInputException(string message) : IOException(message);

/// <summary>
/// The one way the validator reads a file it was given or found: only regular files (a FIFO blocks forever, a device
/// never ends), and never more than a size cap, checked before the read and during it.
/// </summary>
public static class SafeFile
{
    /// <summary>Module DLLs: IIS modules are a few MB; anything this large is not one.</summary>
    public const long MaxBinaryBytes = 256L * 1024 * 1024;

    /// <summary>Sources, headers read by the validator itself, projects, .def files, compile_commands.json.</summary>
    public const long MaxTextBytes = 32L * 1024 * 1024;

    /// <summary>Throws <see cref="UnsafeInputException"/> unless the path is a regular file (links followed).</summary>
    public static void RequireRegularFile(string path)
    {
        switch (FileStatus.KindOf(path))
        {
            case FileKind.RegularFile:
                return;
            case FileKind.Missing:
                throw new FileNotFoundException($"'{path}' does not exist", path);
            case FileKind.Directory:
                throw new UnsafeInputException($"'{path}' is a folder, not a file");
            default:
                throw new UnsafeInputException($"'{path}' is not a regular file (a FIFO, socket, device or kernel pseudo-file); only regular files are read");
        }
    }

    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        RequireRegularFile(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        var length = stream.Length;
        if (length > maxBytes)
        {
            throw TooLarge(path, maxBytes);
        }
        // The usual case, read straight into an array of the file's size (thousands of DLLs are read per run).
        var bytes = new byte[length];
        var total = 0;
        int read;
        while (total < bytes.Length && (read = stream.Read(bytes, total, bytes.Length - total)) > 0)
        {
            total += read;
        }
        if (total < bytes.Length)
        {
            return bytes[..total]; // it shrank while being read
        }
        // Read to the end rather than trusting the length: /proc files say 0 and have content, a file may grow.
        Span<byte> probe = stackalloc byte[1];
        if (stream.Read(probe) == 0)
        {
            return bytes;
        }
        using var content = new MemoryStream(Math.Max(4096, bytes.Length * 2));
        content.Write(bytes);
        content.Write(probe);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (content.Length + read > maxBytes)
                {
                    throw TooLarge(path, maxBytes);
                }
                content.Write(buffer, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
        if (content.Length > maxBytes)
        {
            throw TooLarge(path, maxBytes);
        }
        return content.ToArray();
    }

    private static UnsafeInputException TooLarge(string path, long maxBytes) =>
        new($"'{path}' is larger than the {maxBytes / (1024 * 1024)} MiB the validator reads");

    /// <summary>A text file, decoded as <see cref="SourceEncoding"/> does (BOMs, UTF-16, Windows-1252).</summary>
    public static string ReadAllText(string path, long maxBytes = MaxTextBytes) => SourceEncoding.Decode(ReadAllBytes(path, maxBytes)).Text;

    public static IEnumerable<string> ReadLines(string path, long maxBytes = MaxTextBytes) =>
        ReadAllText(path, maxBytes).Split('\n').Select(line => line.TrimEnd('\r'));
}
