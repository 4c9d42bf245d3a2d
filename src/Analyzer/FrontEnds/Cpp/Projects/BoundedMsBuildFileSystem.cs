using Microsoft.Build.FileSystem;
using IisModuleValidator.Io;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// The file system MSBuild's evaluation sees, with the validator's own rules: only regular files exist and are read
/// (a computed &lt;Import&gt; of a FIFO or /dev/zero is a missing import, which evaluation passes over), under the size
/// cap; and globs list at most <see cref="MaxEntries"/> files and folders in all (a `/**` item would walk the disk).
/// </summary>
internal sealed class BoundedMsBuildFileSystem : MSBuildFileSystemBase
{
    public const int MaxEntries = 100_000;

    private int _listed;

    /// <summary>Set once a glob has listed more than <see cref="MaxEntries"/>: the evaluation is then abandoned.</summary>
    public bool ListingBudgetSpent => Volatile.Read(ref _listed) > MaxEntries;

    public override bool FileExists(string path) => FileStatus.KindOf(path) == FileKind.RegularFile;

    public override bool FileOrDirectoryExists(string path) => FileStatus.KindOf(path) is FileKind.RegularFile or FileKind.Directory;

    public override bool DirectoryExists(string path) => FileStatus.KindOf(path) == FileKind.Directory;

    public override TextReader ReadFile(string path) => new StringReader(ReadFileAllText(path));

    public override Stream GetFileStream(string path, FileMode mode, FileAccess access, FileShare share)
    {
        if (mode != FileMode.Open || access != FileAccess.Read)
        {
            throw new UnauthorizedAccessException("evaluation only reads");
        }
        return new MemoryStream(ReadFileAllBytes(path), writable: false);
    }

    public override string ReadFileAllText(string path) => SafeFile.ReadAllText(path);

    public override byte[] ReadFileAllBytes(string path) => SafeFile.ReadAllBytes(path, SafeFile.MaxTextBytes);

    public override IEnumerable<string> EnumerateFiles(string path, string searchPattern = "*", SearchOption searchOption = SearchOption.TopDirectoryOnly) =>
        Counted(base.EnumerateFiles(path, searchPattern, searchOption));

    public override IEnumerable<string> EnumerateDirectories(string path, string searchPattern = "*", SearchOption searchOption = SearchOption.TopDirectoryOnly) =>
        Counted(base.EnumerateDirectories(path, searchPattern, searchOption));

    public override IEnumerable<string> EnumerateFileSystemEntries(string path, string searchPattern = "*", SearchOption searchOption = SearchOption.TopDirectoryOnly) =>
        Counted(base.EnumerateFileSystemEntries(path, searchPattern, searchOption));

    private IEnumerable<string> Counted(IEnumerable<string> entries)
    {
        foreach (var entry in entries)
        {
            if (Interlocked.Increment(ref _listed) > MaxEntries)
            {
                throw new ListingBudgetException();
            }
            yield return entry;
        }
    }

    /// <summary>Not an I/O error, which MSBuild's globbing would pass over: it ends the evaluation.</summary>
    public sealed class ListingBudgetException() : Exception($"the project's items list more than {MaxEntries:N0} files and folders");
}
