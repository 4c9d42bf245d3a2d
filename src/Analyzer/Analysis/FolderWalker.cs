using IisModuleValidator.Io;

namespace IisModuleValidator.Analysis;

/// <summary>
/// Lists the files below a folder the way a build gate should: directory links are not followed (a link to '.' would
/// repeat the tree, two of them without end), each real directory is entered once (by device and inode), hidden
/// folders (.git, .vs) are passed over, and a folder that cannot be read is reported instead of silently missing.
/// </summary>
internal sealed class FolderWalker
{
    private const int MaxDepth = 64;

    /// <summary>Folders left out on purpose, with why: shown with --verbose.</summary>
    public List<string> Skipped { get; } = [];

    /// <summary>Folders that could not be read: each becomes a notification.</summary>
    public List<(string Path, string Reason)> Unreadable { get; } = [];

    public IEnumerable<string> Files(string root)
    {
        var visited = new HashSet<FileIdentity>();
        var pending = new Stack<(string Path, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (directory, depth) = pending.Pop();
            if (FileStatus.IdentityOf(directory) is { } identity && !visited.Add(identity))
            {
                Skipped.Add($"{directory}: already walked (a bind mount or hard link of a folder seen before)");
                continue;
            }
            List<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(directory).EnumerateFileSystemInfos().OrderBy(entry => entry.Name, StringComparer.Ordinal)];
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                Unreadable.Add((directory, exception.Message));
                continue;
            }
            var subdirectories = new List<string>();
            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo folder)
                {
                    if (folder.LinkTarget is not null)
                    {
                        Skipped.Add($"{folder.FullName}: a link to a folder, not followed");
                    }
                    else if (folder.Name.StartsWith('.'))
                    {
                        Skipped.Add($"{folder.FullName}: a hidden folder");
                    }
                    else if (depth + 1 > MaxDepth)
                    {
                        Skipped.Add($"{folder.FullName}: deeper than {MaxDepth} folders");
                    }
                    else
                    {
                        subdirectories.Add(folder.FullName);
                    }
                }
                else
                {
                    yield return entry.FullName;
                }
            }
            // Pushed in reverse so that folders are walked in name order.
            for (var i = subdirectories.Count - 1; i >= 0; i--)
            {
                pending.Push((subdirectories[i], depth + 1));
            }
        }
    }
}
