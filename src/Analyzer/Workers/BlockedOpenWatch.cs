namespace IisModuleValidator.Workers;

/// <summary>
/// Notices, on Linux, that this worker opened what is not a regular file: a thread blocked opening a FIFO that nobody
/// writes (the kernel's wait_for_partner), or a descriptor on a FIFO or a device such as /dev/zero. Code we do not control
/// (MSBuild loading a computed &lt;Import&gt;) opens files without asking whether they are regular; such an open never
/// returns, and such a read never ends. The watch lets the worker answer at once instead of at its time or memory bound.
/// </summary>
internal static class BlockedOpenWatch
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Calls <paramref name="blocked"/> (once) when a thread has been seen blocked so, while <paramref name="busy"/> says the worker is at a request.</summary>
    public static void Start(Func<bool> busy, Action blocked)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(Poll);
                if (busy() && (AnyThreadWaitingForFifoPartner() || HoldsSpecialFile()))
                {
                    blocked();
                    return;
                }
            }
        }) { IsBackground = true, Name = "blocked open watch" }.Start();
    }

    // What the runtime itself keeps open: the null device, the random sources, a terminal.
    private static readonly string[] RuntimeDevices = ["/dev/null", "/dev/urandom", "/dev/random", "/dev/tty", "/dev/ptmx"];

    private static bool HoldsSpecialFile()
    {
        try
        {
            return Directory.EnumerateFileSystemEntries("/proc/self/fd").Any(descriptor =>
            {
                try
                {
                    // Anonymous pipes and sockets read as "pipe:[n]"; a named FIFO or a device has its path.
                    return new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith('/') && !RuntimeDevices.Contains(target)
                           && !target.StartsWith("/dev/pts/", StringComparison.Ordinal) && Io.FileStatus.KindOf(target) == Io.FileKind.Special
                           && !target.StartsWith("/proc/", StringComparison.Ordinal) && !target.StartsWith("/sys/", StringComparison.Ordinal);
                }
                catch (IOException)
                {
                    return false; // closed meanwhile
                }
            });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool AnyThreadWaitingForFifoPartner()
    {
        try
        {
            return Directory.EnumerateDirectories("/proc/self/task").Any(task =>
            {
                try
                {
                    return File.ReadAllText(Path.Combine(task, "wchan")) == "wait_for_partner";
                }
                catch (IOException)
                {
                    return false; // the thread ended
                }
            });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
