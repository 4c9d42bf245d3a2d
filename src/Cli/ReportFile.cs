using IisModuleValidator.Io;

namespace IisModuleValidator.Cli;

/// <summary>Writing the report to -o FILE without ever clobbering an input, replacing a device, or leaving half a file behind.</summary>
public static class ReportFile
{
    /// <summary>The input the output would overwrite, compared by file identity (links, '..', other spellings), or null.</summary>
    public static string? CollidingInput(string outputPath, IEnumerable<string> inputPaths)
    {
        if (FileStatus.IdentityOf(outputPath) is not { } output)
        {
            // A new file collides with nothing; where identity is unknown, fall back to the spelling.
            return FileStatus.KindOf(outputPath) == FileKind.Missing ? null
                : inputPaths.FirstOrDefault(input => string.Equals(Path.GetFullPath(input), outputPath,
                    OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
        }
        return inputPaths.FirstOrDefault(input => FileStatus.IdentityOf(input) == output);
    }

    /// <summary>
    /// A regular file (or a new path) is written to a temporary file beside it and moved into place, so it is whole or
    /// untouched. A character device or FIFO (/dev/null, /dev/stdout, a pipe) is written through: renaming over it
    /// would replace the device node with a file. A folder is refused.
    /// </summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        switch (FileStatus.KindOf(path))
        {
            case FileKind.Special:
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                using (var writer = NewWriter(stream))
                {
                    write(writer);
                }
                return;
            case FileKind.Directory:
                throw new IOException($"'{path}' is a folder");
        }
        AtomicFile.Replace(path, temporary =>
        {
            using var writer = NewWriter(new FileStream(temporary, FileMode.CreateNew, FileAccess.Write));
            write(writer);
        });
    }

    private static StreamWriter NewWriter(Stream stream) => new(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
}
