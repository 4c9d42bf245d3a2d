using System.Diagnostics;
using System.Runtime.InteropServices;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// Parse workers never outlive the validator: killed outright, killed while stopped, or killed at a terminal with the
/// progress line drawn, its workers are gone within 2 s. And they take no part in the terminal's job control: the stop
/// signal a terminal sends a background process group (what stopped orphaned workers before) leaves them parsing.
/// Each run is the real command line, as a process of its own, on a copy of the C++ samples with no cache.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed partial class ParseWorkerLifetimeTests
{
    private const int SigKill = 9;
    private const int SigTerm = 15;
    private const int SigStop = 19;
    private static readonly TimeSpan Gone = TimeSpan.FromSeconds(2);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private static string Validator => Path.Combine(AppContext.BaseDirectory, "iis-module-validator.dll");

    private static string CopySamples(TempDirectory temp)
    {
        foreach (var folder in Directory.GetDirectories(Path.Combine(TestPaths.Samples, "cpp")))
        {
            temp.CopyFiles(folder, Path.Combine("cpp", Path.GetFileName(folder)));
        }
        return Path.Combine(temp.Path, "cpp");
    }

    private static string[] CheckArguments(string samples, TempDirectory temp) =>
        ["exec", Validator, "check", samples, "--no-cache", "--format", "sarif", "-o", Path.Combine(temp.Path, "report.sarif")];

    [Fact]
    public void Workers_die_with_a_validator_killed_outright()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var temp = new TempDirectory();
        using var validator = Start(Io.DotnetHost.Executable!, CheckArguments(CopySamples(temp), temp));

        var workers = WaitForParsingWorkers(validator.Id);
        Kill(validator.Id, SigKill);

        AssertAllGone(workers);
    }

    [Fact]
    public void Workers_die_with_a_validator_stopped_then_killed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var temp = new TempDirectory();
        using var validator = Start(Io.DotnetHost.Executable!, CheckArguments(CopySamples(temp), temp));

        var workers = WaitForParsingWorkers(validator.Id);
        Kill(validator.Id, SigStop);
        Thread.Sleep(500);
        Assert.All(workers, worker => Assert.NotEqual('T', State(worker))); // the workers go on parsing
        Kill(validator.Id, SigKill);

        AssertAllGone(workers);
    }

    [Fact]
    public void Workers_die_with_a_validator_killed_at_a_terminal_with_the_progress_line()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var temp = new TempDirectory();
        var samples = CopySamples(temp);
        // script(1) gives the validator a pseudo-terminal as its standard error, so the progress line is drawn.
        var command = string.Join(' ', CheckArguments(samples, temp).Prepend(Io.DotnetHost.Executable!).Select(Quote));
        using var script = Start("script", ["-qfec", command, "/dev/null"]);

        // The shell script(1) starts may run the validator as its child or exec it; its quoted command line differs.
        var validatorId = WaitFor(() => DescendantsOf(script.Id).FirstOrDefault(pid => CommandLine(pid).Contains("iis-module-validator.dll check", StringComparison.Ordinal)),
            "the validator under script(1)");
        var workers = WaitForParsingWorkers(validatorId);
        Kill(validatorId, SigKill);

        AssertAllGone(workers);
        script.WaitForExit(10_000);
    }

    [Fact]
    public void A_job_member_that_touches_the_terminal_from_the_background_does_not_stop_the_workers()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var temp = new TempDirectory();
        var samples = CopySamples(temp);
        // A shell with job control on a terminal runs the validator as a background job. Once its workers parse, another
        // member of the job sets the terminal's attributes, as a .NET parent does when it starts or reaps a child that
        // uses the terminal: the kernel then sends SIGTTOU to the whole process group, and stops every member that
        // shares it. The validator stops; its workers, in sessions of their own, go on; killed, it takes them along. The
        // shell stays (sleep), as a login shell would: its job's group is not orphaned, so nothing wakes what was stopped.
        var validatorCommand = string.Join(' ', CheckArguments(samples, temp).Prepend(Io.DotnetHost.Executable!).Select(Quote));
        var marker = Path.Combine(temp.Path, "parsing");
        var job = $"set -m; ( (while [ ! -e {Quote(marker)} ]; do sleep 0.05; done; stty sane < /dev/tty) & exec {validatorCommand} ) & exec sleep 120";
        using var script = Start("script", ["-qfec", $"bash -c {Quote(job)}", "/dev/null"]);

        var validatorId = WaitFor(() => DescendantsOf(script.Id).FirstOrDefault(pid => CommandLine(pid).Contains("iis-module-validator.dll check", StringComparison.Ordinal)),
            "the validator under script(1)");
        var workers = WaitForParsingWorkers(validatorId);
        File.WriteAllText(marker, "");
        WaitFor(() => State(validatorId) == 'T', "the validator stopped by SIGTTOU");
        Assert.All(workers, worker => Assert.NotEqual('T', State(worker)));
        Kill(validatorId, SigKill);

        AssertAllGone(workers);
        script.Kill(entireProcessTree: true);
    }

    [Fact]
    public void Precompiled_header_folders_go_with_a_terminated_validator_and_a_killed_ones_with_the_next_run()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var temp = new TempDirectory();
        var samples = Path.Combine(CopySamples(temp), "cache-module"); // a project that precompiles stdafx.h
        var tmp = Directory.CreateDirectory(Path.Combine(temp.Path, "tmp")).FullName;
        string[] PchFolders() => Directory.GetDirectories(tmp, "iism-pch-*");

        using (var terminated = Start(Io.DotnetHost.Executable!, CheckArguments(samples, temp), tmp))
        {
            WaitFor(() => PchFolders().Length > 0, "a precompiled header folder");
            Kill(terminated.Id, SigTerm);
            Assert.True(terminated.WaitForExit(30_000));
            Assert.Equal(143, terminated.ExitCode);
            Assert.Empty(PchFolders());
        }
        using (var killed = Start(Io.DotnetHost.Executable!, CheckArguments(samples, temp), tmp))
        {
            WaitFor(() => PchFolders().Length > 0, "a precompiled header folder");
            Kill(killed.Id, SigKill);
            Assert.True(killed.WaitForExit(30_000));
        }
        // One folder per configuration being parsed: Win32 and x64 are parsed at the same time.
        var abandoned = PchFolders();
        Assert.InRange(abandoned.Length, 1, 2);
        using (var next = Start(Io.DotnetHost.Executable!, CheckArguments(samples, temp), tmp))
        {
            WaitFor(() => PchFolders().Length > 0 && !abandoned.Any(Directory.Exists), "the abandoned folders removed");
            Assert.True(next.WaitForExit(120_000));
            Assert.Equal(1, next.ExitCode); // the sample's one finding (IISM2001), reported in full
        }
        Assert.Empty(PchFolders());
    }

    private static Process Start(string fileName, IEnumerable<string> arguments, string? temporaryFolder = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (temporaryFolder is not null)
        {
            start.Environment["TMPDIR"] = temporaryFolder;
        }
        var process = Process.Start(start)!;
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        return process;
    }

    private static string Quote(string argument) => "'" + argument.Replace("'", "'\\''") + "'";

    /// <summary>The parse workers of <paramref name="validatorId"/> once at least one of them has libclang loaded and runs.</summary>
    private static int[] WaitForParsingWorkers(int validatorId) =>
        WaitFor(() => ChildrenOf(validatorId, "__parse-worker") is { Length: > 0 } workers && workers.Any(worker => State(worker) == 'R' && LoadedLibclang(worker)) ? workers : null,
            "a parse worker at work");

    private static bool LoadedLibclang(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/maps").Contains("libclang", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void AssertAllGone(int[] workers)
    {
        var clock = Stopwatch.StartNew();
        while (workers.Any(Alive) && clock.Elapsed < Gone)
        {
            Thread.Sleep(50);
        }
        Assert.All(workers, worker => Assert.False(Alive(worker), $"parse worker {worker} is still alive {Gone.TotalSeconds} s after its validator died (state {State(worker)})"));
    }

    private static T WaitFor<T>(Func<T?> probe, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (probe() is { } found && !EqualityComparer<T>.Default.Equals(found, default))
            {
                return found;
            }
            Thread.Sleep(20);
        }
        throw new TimeoutException($"no {what} within 90 s");
    }

    private static int[] ChildrenOf(int parent, string commandLineContains) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == parent && CommandLine(pid).Contains(commandLineContains, StringComparison.Ordinal))];

    private static IEnumerable<int> DescendantsOf(int pid) =>
        ChildrenOf(pid, "").SelectMany(child => DescendantsOf(child).Prepend(child));

    private static int ParentOf(int pid) => Stat(pid) is { } stat ? int.Parse(stat[1], System.Globalization.CultureInfo.InvariantCulture) : 0;

    private static char State(int pid) => Stat(pid) is { } stat ? stat[0][0] : '-';

    /// <summary>A zombie has died; it waits only for its new parent to reap it.</summary>
    private static bool Alive(int pid) => State(pid) is not ('-' or 'Z' or 'X');

    /// <summary>The fields of /proc/PID/stat after the command name: state, ppid, ...</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
