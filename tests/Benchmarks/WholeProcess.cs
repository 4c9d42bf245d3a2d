using System.Diagnostics;

namespace IisModuleValidator.Benchmarks;

/// <summary>Processes timed as users run them: start to exit, medians, and the peak memory of finished children.</summary>
internal static class WholeProcess
{
    /// <summary>The median of <paramref name="runs"/> runs after one warm-up run.</summary>
    public static TimeSpan Median(Func<TimeSpan> run, int runs = 5)
    {
        run();
        var times = Enumerable.Range(0, runs).Select(_ => run()).Order().ToList();
        return times[times.Count / 2];
    }

    public static TimeSpan Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        watch.Stop();
        output.Wait();
        error.Wait();
        return watch.Elapsed;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        public long MaxResidentKilobytes;
        public long Ixrss, Idrss, Isrss, Minflt, Majflt, Nswap, Inblock, Oublock, Msgsnd, Msgrcv, Nsignals, Nvcsw, Nivcsw;
    }

    /// <summary>The largest resident set of any finished child so far (Linux ru_maxrss, in KiB), in MiB.</summary>
    public static double PeakChildMegabytes() => getrusage(-1 /* RUSAGE_CHILDREN */, out var usage) == 0 ? usage.MaxResidentKilobytes / 1024.0 : double.NaN;
}
