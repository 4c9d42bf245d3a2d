using System.Diagnostics;

namespace IisModuleValidator.Workers;

/// <summary>
/// One worker process: a request line in, an answer line out, bounded in time and in memory (its resident set,
/// watched while it works). A request it does not answer within its bounds, or answers by dying, is a failure that
/// says why, and the worker is not used again.
/// </summary>
internal sealed class WorkerProcess
{
    private const int StderrLines = 20;
    private readonly Process _process;
    private readonly Queue<string> _stderr = new();
    private int _killed;

    private WorkerProcess(Process process) => _process = process;

    /// <param name="environment">Called on the start info before the process starts: the worker's own variables.</param>
    public static WorkerProcess Start(string fileName, IReadOnlyList<string> arguments, Action<ProcessStartInfo>? environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // Both ends speak UTF-8 (the worker sets its console to it): on Windows the default is the OEM code page,
            // which would turn a path with 'ü' into '?'.
            StandardInputEncoding = Io.ConsoleText.Utf8,
            StandardOutputEncoding = Io.ConsoleText.Utf8,
            StandardErrorEncoding = Io.ConsoleText.Utf8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        environment?.Invoke(start);
        // A short-lived helper: no tiered warm-up of its own managed code matters.
        start.Environment["DOTNET_TieredPGO"] = "0";
        // No debugger pipes or diagnostics socket in the temp folder: a killed worker would leave them behind.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        var process = WorkerSpawner.Start(start);
        var worker = new WorkerProcess(process);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }
            lock (worker._stderr)
            {
                worker._stderr.Enqueue(line.Data);
                while (worker._stderr.Count > StderrLines)
                {
                    worker._stderr.Dequeue();
                }
            }
        };
        process.BeginErrorReadLine();
        return worker;
    }

    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true;
            }
        }
    }

    /// <summary>The answer line, or the failure that ended the request (the worker is then unusable); Delivered is false
    /// when the worker had ended before it could take the request (a reused worker that ended by itself).</summary>
    public (string? Answer, string? Failure, bool Delivered) Send(string request, WorkerBounds bounds)
    {
        try
        {
            _process.StandardInput.WriteLine(request);
            _process.StandardInput.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
            return (null, Died(bounds), false);
        }
        var reply = _process.StandardOutput.ReadLineAsync();
        var clock = Stopwatch.StartNew();
        while (!reply.Wait(25))
        {
            if (clock.Elapsed > bounds.Timeout)
            {
                return (null, $"{bounds.Doer} took longer than {bounds.Timeout.TotalSeconds:0} s on this file and was stopped", true);
            }
            if (MemoryInUseBytes() > bounds.MemoryCeilingBytes)
            {
                return (null, $"{bounds.Doer} used more than {bounds.MemoryCeilingBytes / (1024 * 1024)} MiB of memory on this file and was stopped", true);
            }
        }
        return reply.Result is { } line ? (line, null, true) : (null, Died(bounds), true);
    }

    private long MemoryInUseBytes()
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // statm: size resident shared ... in pages.
                var fields = File.ReadAllText($"/proc/{_process.Id}/statm").Split(' ');
                return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
            }
            // Windows: the private commit, which the system cannot trim away as it trims the working set, so a worker
            // that commits and pages out memory still meets the ceiling.
            _process.Refresh();
            return _process.PrivateMemorySize64;
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or FormatException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private string Died(WorkerBounds bounds)
    {
        _process.WaitForExit(5000);
        var code = _process.HasExited ? _process.ExitCode : -1;
        var how = code > 128 && !OperatingSystem.IsWindows() ? $"signal {code - 128}{SignalName(code - 128)}" : $"exit code {code}";
        var last = "";
        if (bounds.QuoteStandardError)
        {
            lock (_stderr)
            {
                last = _stderr.LastOrDefault(line => line.Trim().Length > 0)?.Trim() ?? "";
            }
        }
        return $"{bounds.Doer} crashed on this file ({how}){(last.Length > 0 ? $": {last}" : "")}";
    }

    private static string SignalName(int signal) => signal switch
    {
        4 => ", SIGILL",
        6 => ", SIGABRT",
        7 => ", SIGBUS",
        8 => ", SIGFPE",
        9 => ", SIGKILL",
        11 => ", SIGSEGV",
        _ => "",
    };

    public void Kill()
    {
        if (Interlocked.Exchange(ref _killed, 1) == 1)
        {
            return;
        }
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
