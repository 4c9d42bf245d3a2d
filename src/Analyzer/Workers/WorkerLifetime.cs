using System.Diagnostics;

namespace IisModuleValidator.Workers;

/// <summary>
/// What a parse worker does first so that it never outlives the validator nor takes part in terminal job control. A
/// worker shared the validator's process group; when any .NET process of that group reconfigured the terminal from the
/// background (it does when it starts or reaps a child that uses the terminal, as the test host does), the kernel sent
/// SIGTTOU to the whole group and stopped the workers, which then never read the end of their input. So a worker leaves
/// the validator's session (no controlling terminal, no process group to share), ignores the terminal's stop signals, and
/// ends when its parent does: on Linux by the parent-death signal, elsewhere by watching the parent.
/// </summary>
internal static class WorkerLifetime
{
    /// <summary>The validator's process id, set by <see cref="ParseWorkerPool"/> for the workers it starts.</summary>
    public const string ParentVariable = "IISM_PARSE_WORKER_PARENT";

    /// <summary>A worker with no request for this long ends by itself; the pool retires idle workers sooner (<see cref="ParseWorkerPool.IdleRetirement"/>).</summary>
    public static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan ParentPoll = TimeSpan.FromMilliseconds(500);

    /// <summary>Detaches this worker and ties it to its parent; false when the parent is already gone.</summary>
    public static bool Enter()
    {
        var parent = int.TryParse(Environment.GetEnvironmentVariable(ParentVariable), out var id) ? id : 0;
        if (OperatingSystem.IsWindows())
        {
            // The validator's job object kills the workers when it ends; this covers a worker started by hand.
            return parent == 0 || WatchWindowsParent(parent);
        }
        // A new session: no controlling terminal, so no SIGTTIN, SIGTTOU or SIGTSTP from one, and no group to share.
        _ = WorkerNative.SetSid();
        if (OperatingSystem.IsLinux())
        {
            foreach (var signal in new[] { WorkerNative.SigTstp, WorkerNative.SigTtin, WorkerNative.SigTtou })
            {
                WorkerNative.Signal(signal, WorkerNative.SigIgn);
            }
            // SIGKILL reaches a worker even when it is stopped; the parent may have died before this call, hence the check.
            _ = WorkerNative.Prctl(WorkerNative.PrSetPdeathsig, WorkerNative.SigKill, 0, 0, 0);
        }
        if (parent == 0)
        {
            return true;
        }
        if (WorkerNative.GetParentProcessId() != parent)
        {
            return false;
        }
        // The parent-death signal follows the thread that started us; a reparented worker ends here too.
        StartDaemon(() =>
        {
            while (WorkerNative.GetParentProcessId() == parent)
            {
                Thread.Sleep(ParentPoll);
            }
            Environment.Exit(0);
        });
        return true;
    }

    /// <summary>Ends the process when <paramref name="idle"/> says it has waited longer than <see cref="IdleLimit"/>.</summary>
    public static void ExitWhenIdle(Func<TimeSpan?> idle) => StartDaemon(() =>
    {
        while (true)
        {
            Thread.Sleep(TimeSpan.FromSeconds(5));
            if (idle() > IdleLimit)
            {
                Environment.Exit(0);
            }
        }
    });

    private static bool WatchWindowsParent(int parent)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(parent);
        }
        catch (ArgumentException)
        {
            return false;
        }
        StartDaemon(() =>
        {
            process.WaitForExit();
            Environment.Exit(0);
        });
        return true;
    }

    private static void StartDaemon(Action body) => new Thread(() => body()) { IsBackground = true, Name = "parse worker lifetime" }.Start();
}
