namespace IisModuleValidator.Io;

/// <summary>
/// A folder of this process under the system temp folder (the precompiled headers of one analysis), removed when it is
/// disposed or the process exits. It holds a lock file open for as long as the process lives, so the next validator to
/// start can tell the folders of validators that were killed (SIGKILL leaves them behind) and remove them.
/// </summary>
public sealed class ScratchFolder : IDisposable
{
    private const string OwnerFile = ".owner";

    // Folders of older versions hold no lock; past this age nobody is using them.
    private static readonly TimeSpan UnownedAge = TimeSpan.FromHours(1);

    private const int ExitDeleteAttempts = 20;
    private static readonly TimeSpan DeleteRetryDelay = TimeSpan.FromMilliseconds(50);

    private readonly FileStream _owner;
    private int _disposed;

    private ScratchFolder(string path, FileStream owner)
    {
        Path = path;
        _owner = owner;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public string Path { get; }

    /// <summary>A new folder named <paramref name="prefix"/>…, after removing the ones of that prefix whose owner has ended.</summary>
    public static ScratchFolder Create(string prefix)
    {
        RemoveAbandoned(prefix);
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        // FileShare.None locks the file (flock on Unix) until this process closes it, however it ends.
        var owner = new FileStream(System.IO.Path.Combine(path, OwnerFile), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        return new ScratchFolder(path, owner);
    }

    private static void RemoveAbandoned(string prefix)
    {
        IEnumerable<string> folders;
        try
        {
            folders = Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), prefix + "*").ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var folder in folders)
        {
            try
            {
                if (FileStatus.KindOf(folder, followLinks: false) != FileKind.Directory)
                {
                    continue; // a link planted in the temp folder is not followed
                }
                var lockFile = System.IO.Path.Combine(folder, OwnerFile);
                if (File.Exists(lockFile))
                {
                    // Opening it exclusively succeeds only once its owner has ended.
                    using (new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                    {
                    }
                }
                else if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) < UnownedAge)
                {
                    continue;
                }
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // In use, or another user's: left alone.
            }
        }
    }

    // On exit (SIGTERM, Ctrl+C) a parse worker may still be writing a PCH into the folder: the exit handlers that stop
    // the workers and this one run in either order, so a delete that meets a new file is tried again for a moment. At
    // the end of a run the workers are idle, and one attempt is all there is to it.
    private void OnProcessExit(object? sender, EventArgs e) => Remove(ExitDeleteAttempts);

    public void Dispose() => Remove(attempts: 1);

    private void Remove(int attempts)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _owner.Dispose();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(Path, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                if (attempt == attempts)
                {
                    return; // still in use (a PCH mapped by a translation unit on another thread): the next validator removes it
                }
                Thread.Sleep(DeleteRetryDelay);
            }
        }
    }
}
