using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>
/// Parses in worker processes, as a compiler driver isolates its jobs: a translation unit that crashes libclang (6,000
/// chained else-ifs), makes it read a device without end (#include "/dev/zero") or hangs costs that unit alone. Each
/// request is bounded in time (<see cref="UnitTimeout"/>) and memory (<see cref="MemoryCeilingBytes"/>, the worker's
/// resident set, watched while it parses); a worker that breaks a bound or dies is killed and replaced, and the unit
/// gets a failure that says why. Workers live as long as this process and end when their standard input closes.
/// </summary>
internal sealed class ParseWorkerPool : IUnitParser
{
    public static readonly TimeSpan UnitTimeout = TimeSpan.FromSeconds(180);
    public const long MemoryCeilingBytes = 2L * 1024 * 1024 * 1024;

    private static readonly Lazy<ParseWorkerPool?> LazyShared = new(() => WorkerCommand() is { } command ? new ParseWorkerPool(command) : null);

    private readonly (string FileName, string[] Arguments) _command;
    private readonly ConcurrentBag<WorkerProcess> _idle = [];

    private ParseWorkerPool((string, string[]) command)
    {
        _command = command;
        // Workers end when their standard input closes; ending them with the process leaves nothing behind even briefly.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            while (_idle.TryTake(out var worker))
            {
                worker.Kill();
            }
        };
    }

    /// <summary>The pool of this process, or null when no worker can be started (the CLI's assembly is not beside us).</summary>
    public static ParseWorkerPool? Shared => LazyShared.Value;

    public UnitParseResult Parse(UnitParseRequest request)
    {
        WorkerProcess worker;
        if (!_idle.TryTake(out var idle))
        {
            try
            {
                worker = WorkerProcess.Start(_command);
            }
            catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
            {
                return UnitParseResult.Failed($"a parse worker could not be started: {exception.Message}");
            }
        }
        else
        {
            worker = idle;
        }
        var (result, healthy) = worker.Send(request);
        if (healthy)
        {
            _idle.Add(worker);
        }
        else
        {
            worker.Kill();
        }
        return result;
    }

    /// <summary>dotnet exec iis-module-validator.dll __parse-worker, with the host of the runtime we run on.</summary>
    private static (string, string[])? WorkerCommand()
    {
        if (Environment.GetEnvironmentVariable("IISM_PARSE_IN_PROCESS") == "1")
        {
            return null;
        }
        var assembly = Path.Combine(AppContext.BaseDirectory, "iis-module-validator.dll");
        return File.Exists(assembly) && Io.DotnetHost.Executable is { } host ? (host, ["exec", assembly, ParseWorker.Verb]) : null;
    }

    private sealed class WorkerProcess
    {
        private const int StderrLines = 20;
        private readonly Process _process;
        private readonly Queue<string> _stderr = new();

        private WorkerProcess(Process process) => _process = process;

        public static WorkerProcess Start((string FileName, string[] Arguments) command)
        {
            var start = new ProcessStartInfo(command.FileName)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            command.Arguments.ToList().ForEach(start.ArgumentList.Add);
            // A short-lived helper: no tiered warm-up of its own managed code matters, libclang does the work.
            start.Environment["DOTNET_TieredPGO"] = "0";
            var process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned nothing");
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

        public (UnitParseResult Result, bool Healthy) Send(UnitParseRequest request)
        {
            try
            {
                _process.StandardInput.WriteLine(JsonSerializer.Serialize(request, ParseWorker.Json));
                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                return (UnitParseResult.Failed(Died()), false);
            }
            var reply = _process.StandardOutput.ReadLineAsync();
            var clock = Stopwatch.StartNew();
            while (!reply.Wait(25))
            {
                if (clock.Elapsed > UnitTimeout)
                {
                    return (UnitParseResult.Failed($"the parser took longer than {UnitTimeout.TotalSeconds:0} s on this file and was stopped"), false);
                }
                if (ResidentBytes() > MemoryCeilingBytes)
                {
                    return (UnitParseResult.Failed($"the parser used more than {MemoryCeilingBytes / (1024 * 1024)} MiB of memory on this file and was stopped"), false);
                }
            }
            if (reply.Result is not { } line)
            {
                return (UnitParseResult.Failed(Died()), false);
            }
            try
            {
                return (JsonSerializer.Deserialize<UnitParseResult>(line, ParseWorker.Json) ?? UnitParseResult.Failed("the parse worker answered nothing"), true);
            }
            catch (JsonException exception)
            {
                return (UnitParseResult.Failed($"the parse worker's answer could not be read: {exception.Message}"), false);
            }
        }

        private long ResidentBytes()
        {
            try
            {
                if (OperatingSystem.IsLinux())
                {
                    // statm: size resident shared ... in pages.
                    var fields = File.ReadAllText($"/proc/{_process.Id}/statm").Split(' ');
                    return long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
                }
                _process.Refresh();
                return _process.WorkingSet64;
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException or FormatException or UnauthorizedAccessException)
            {
                return 0;
            }
        }

        private string Died()
        {
            _process.WaitForExit(5000);
            var code = _process.HasExited ? _process.ExitCode : -1;
            var how = code > 128 && !OperatingSystem.IsWindows() ? $"signal {code - 128}{SignalName(code - 128)}" : $"exit code {code}";
            string last;
            lock (_stderr)
            {
                last = _stderr.LastOrDefault(line => line.Trim().Length > 0)?.Trim() ?? "";
            }
            return $"the parser crashed on this file ({how}){(last.Length > 0 ? $": {last}" : "")}";
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
}
