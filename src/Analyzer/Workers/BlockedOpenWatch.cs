namespace IisModuleValidator.Workers;

/// <summary>
/// Notices, on Linux, a thread of this worker blocked opening a FIFO that nobody writes (the kernel's wait_for_partner):
/// code we do not control (MSBuild loading a computed &lt;Import&gt;) opens files without asking whether they are
/// regular, and such an open never returns. The watch lets the worker answer at once instead of at its time bound.
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
                if (busy() && AnyThreadWaitingForFifoPartner())
                {
                    blocked();
                    return;
                }
            }
        }) { IsBackground = true, Name = "blocked open watch" }.Start();
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
