using System.Collections.Concurrent;
using System.Diagnostics;

namespace IisModuleValidator.Workers;

/// <summary>
/// Worker processes of one kind (`iis-module-validator VERB`), started as needed and kept between requests. A worker
/// that breaks its bounds or dies is killed and replaced. Workers never outlive this process (<see cref="WorkerSpawner"/>,
/// <see cref="WorkerLifetime"/>); one left idle for <see cref="IdleRetirement"/> is ended and replaced when needed.
/// </summary>
public sealed class WorkerPool
{
    /// <summary>Shorter than <see cref="WorkerLifetime.IdleLimit"/>, so that the pool never hands out a worker that is ending by itself.</summary>
    public static readonly TimeSpan IdleRetirement = TimeSpan.FromMinutes(5);

    private readonly (string FileName, string[] Arguments) _command;
    private readonly Action<ProcessStartInfo>? _environment;
    private readonly ConcurrentBag<(WorkerProcess Worker, long IdleSince)> _idle = [];
    private readonly ConcurrentDictionary<WorkerProcess, byte> _all = new();

    private WorkerPool((string, string[]) command, Action<ProcessStartInfo>? environment)
    {
        _command = command;
        _environment = environment;
        // Busy workers too: a worker never outlives its validator, even for the rest of one request.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var worker in _all.Keys)
            {
                worker.Kill();
            }
        };
    }

    /// <summary>
    /// A pool of `iis-module-validator <paramref name="verb"/>` workers: dotnet exec iis-module-validator.dll with the host of
    /// the runtime we run on, or the tool's own executable where there is no such host (a self-contained build); null
    /// when neither is beside us.
    /// </summary>
    public static WorkerPool? For(string verb, Action<ProcessStartInfo>? environment = null)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "iis-module-validator.dll");
        if (File.Exists(assembly) && Io.DotnetHost.Executable is { } host)
        {
            return new WorkerPool((host, ["exec", assembly, verb]), environment);
        }
        var executable = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "iis-module-validator.exe" : "iis-module-validator");
        return File.Exists(executable) ? new WorkerPool((executable, [verb]), environment) : null;
    }

    /// <summary>The worker's answer, or why there is none.</summary>
    public (string? Answer, string? Failure) Send(string request, WorkerBounds bounds)
    {
        while (true)
        {
            var reused = TakeIdle();
            var worker = reused;
            if (worker is null)
            {
                try
                {
                    worker = WorkerProcess.Start(_command.FileName, _command.Arguments, _environment);
                }
                catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
                {
                    return (null, $"{bounds.WorkerName} could not be started: {exception.Message}");
                }
                _all[worker] = 0;
            }
            var (answer, failure, delivered) = worker.Send(request, bounds);
            if (failure is null)
            {
                _idle.Add((worker, Stopwatch.GetTimestamp()));
                return (answer, null);
            }
            Retire(worker);
            if (delivered || reused is null)
            {
                return (null, failure);
            }
            // A kept worker that had ended by itself never saw the request: a new one takes it.
        }
    }

    /// <summary>An idle worker that is still running and has not waited past <see cref="IdleRetirement"/>; others are ended.</summary>
    private WorkerProcess? TakeIdle()
    {
        while (_idle.TryTake(out var idle))
        {
            if (!idle.Worker.HasExited && Stopwatch.GetElapsedTime(idle.IdleSince) < IdleRetirement)
            {
                return idle.Worker;
            }
            Retire(idle.Worker);
        }
        return null;
    }

    private void Retire(WorkerProcess worker)
    {
        _all.TryRemove(worker, out _);
        worker.Kill();
    }
}
