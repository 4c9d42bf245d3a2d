using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace IisModuleValidator.Workers;

/// <summary>
/// Starts parse workers so that they end with this process however it ends. On Linux they are started from one thread
/// that lives as long as the process, because a worker's parent-death signal (<see cref="WorkerLifetime"/>) follows the
/// thread that forked it, and a thread-pool thread that retires would take its workers along. On Windows each worker
/// is put in a job object that kills its processes when this process's handle to it closes.
/// </summary>
internal static class WorkerSpawner
{
    private static readonly BlockingCollection<(ProcessStartInfo Start, TaskCompletionSource<Process> Started)> Requests = [];
    private static readonly Lazy<Thread> Spawner = new(() =>
    {
        var thread = new Thread(Serve) { IsBackground = true, Name = "parse worker spawner" };
        thread.Start();
        return thread;
    });
    private const string SetSid = "/usr/bin/setsid";
    private static readonly Lazy<IntPtr> KillOnCloseJob = new(CreateKillOnCloseJob);

    public static Process Start(ProcessStartInfo start)
    {
        start.Environment[WorkerLifetime.ParentVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (OperatingSystem.IsWindows())
        {
            var process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned nothing");
            if (KillOnCloseJob.Value != IntPtr.Zero)
            {
                WorkerNative.AssignProcessToJobObject(KillOnCloseJob.Value, process.Handle);
            }
            return process;
        }
        if (File.Exists(SetSid))
        {
            // setsid(1) leaves the validator's session before the runtime starts: a stop signal sent to the validator's
            // process group during the worker's own start-up (about 100 ms, before WorkerLifetime.Enter) cannot reach it.
            // Not a group leader, it calls setsid() and execs in place, so the process is still the worker itself.
            start.ArgumentList.Insert(0, start.FileName);
            start.FileName = SetSid;
        }
        _ = Spawner.Value;
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((start, started));
        return started.Task.GetAwaiter().GetResult();
    }

    private static void Serve()
    {
        foreach (var (start, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned nothing"));
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        }
    }

    /// <summary>The job every worker joins; its handle is never closed, so the system closes it when this process ends.</summary>
    private static IntPtr CreateKillOnCloseJob()
    {
        var job = WorkerNative.CreateJobObject(IntPtr.Zero, IntPtr.Zero);
        if (job == IntPtr.Zero)
        {
            return IntPtr.Zero;
        }
        var limits = new WorkerNative.JobObjectExtendedLimit
        {
            BasicLimitInformation = new WorkerNative.JobObjectBasicLimitInformation { LimitFlags = WorkerNative.JobObjectLimitKillOnJobClose },
        };
        WorkerNative.SetInformationJobObject(job, WorkerNative.JobObjectExtendedLimitInformation, ref limits,
            (uint)Marshal.SizeOf<WorkerNative.JobObjectExtendedLimit>());
        return job;
    }
}
