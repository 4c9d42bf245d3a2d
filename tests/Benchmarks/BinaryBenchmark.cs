using System.Diagnostics;
using IisModuleValidator.Analysis;

namespace IisModuleValidator.Benchmarks;

/// <summary>
/// Checking N DLLs (exports, imports and the full registration recovery) against llvm-readobj-19 listing only their
/// exports, on the same files. The files are the sample DLLs, each copy made distinct in its DOS stub so that no two
/// share a hash; a second run on plain copies shows what skipping identical files saves. Prints; asserts nothing.
/// </summary>
public static class BinaryBenchmark
{
    public static int Run(string[] args)
    {
        var count = Arguments.Option(args, "--files", 1000);
        var cli = Arguments.Option(args, "--cli");
        // --samples DIR: other DLLs to copy, such as the g++-mingw-w64 builds of 'samples/build.sh --mingw --out DIR'.
        var samples = Directory.EnumerateFiles(Arguments.Option(args, "--samples") ?? RepositoryFolder("samples/bin"), "*.dll", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        var distinct = Directory.CreateTempSubdirectory("iism-bench-dlls-").FullName;
        var copies = Directory.CreateTempSubdirectory("iism-bench-copies-").FullName;
        try
        {
            for (var i = 0; i < count; i++)
            {
                var bytes = File.ReadAllBytes(samples[i % samples.Count]);
                File.WriteAllBytes(Path.Combine(copies, $"module{i:D4}.dll"), bytes);
                BitConverter.TryWriteBytes(bytes.AsSpan(0x4C, 4), i); // inside the DOS stub's message: the PE is unchanged
                File.WriteAllBytes(Path.Combine(distinct, $"module{i:D4}.dll"), bytes);
            }
            Console.WriteLine($"{count} DLLs made from {samples.Count} samples, {Environment.ProcessorCount} cores");
            if (cli is not null)
            {
                // First: the peak memory of finished children must be the CLI's, before any llvm-readobj has run.
                WholeProcessRun(cli, distinct, count);
            }
            new ModuleValidator().Run([samples[0]], distinct); // JIT warm-up

            var (ours, report) = Time(() => new ModuleValidator().Run([distinct], distinct));
            var (deduplicated, _) = Time(() => new ModuleValidator().Run([copies], copies));
            var (readobj, _) = Time(() => ReadObjExports(distinct));
            var (readobjPerFile, _) = Time(() => Directory.EnumerateFiles(distinct).AsParallel().WithDegreeOfParallelism(Environment.ProcessorCount)
                .Sum(file => ReadObjExports(file)));

            Console.WriteLine($"  findings: {report.Findings.Count}, registrations recovered: {report.Inputs.Sum(input => input.Model?.Registrations.Count ?? 0)}");
            Console.WriteLine($"  {"llvm-readobj-19 --coff-exports, all files, one process",-52} {readobj.TotalSeconds,7:F2} s");
            Console.WriteLine($"  {"llvm-readobj-19 --coff-exports, one process per file",-52} {readobjPerFile.TotalSeconds,7:F2} s");
            Console.WriteLine($"  {"our check, exports + imports + full recovery",-52} {ours.TotalSeconds,7:F2} s");
            Console.WriteLine($"  {"our check, identical copies skipped by hash",-52} {deduplicated.TotalSeconds,7:F2} s");
            Console.WriteLine($"  ours / llvm-readobj in one process: {ours.TotalMilliseconds / readobj.TotalMilliseconds:F1}x; ours / llvm-readobj a process per file: {ours.TotalMilliseconds / readobjPerFile.TotalMilliseconds:F2}x");
            return 0;
        }
        finally
        {
            Directory.Delete(distinct, recursive: true);
            Directory.Delete(copies, recursive: true);
        }
    }

    /// <summary>
    /// The CLI as users run it, a whole process from start to exit (start-up, every DLL, SARIF written), beside
    /// llvm-readobj-19 listing the same files' exports in one process: medians of 5 runs each after one warm-up, and the
    /// CLI's peak resident memory (getrusage of the finished children).
    /// </summary>
    private static void WholeProcessRun(string cli, string folder, int count)
    {
        var sarif = Path.Combine(Path.GetTempPath(), $"iism-bench-{Environment.ProcessId}.sarif");
        try
        {
            string[] check = ["check", folder, "--format", "sarif", "-o", sarif];
            var ours = WholeProcess.Median(() => WholeProcess.Run(cli, check));
            var peak = WholeProcess.PeakChildMegabytes();
            var readobj = WholeProcess.Median(() => WholeProcess.Run("llvm-readobj-19", ["--coff-exports", .. Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)]));
            Console.WriteLine($"whole process, {count} DLLs, median of 5 ({Environment.ProcessorCount} cores):");
            Console.WriteLine($"  {"iis-module-validator check DIR --format sarif -o F",-52} {ours.TotalSeconds,7:F2} s, peak {peak:F0} MiB");
            Console.WriteLine($"  {"llvm-readobj-19 --coff-exports (same files, one process)",-52} {readobj.TotalSeconds,7:F2} s");
            Console.WriteLine($"  ours / llvm-readobj: {ours.TotalMilliseconds / readobj.TotalMilliseconds:F1}x (target: at most 30x, and at most 1 s); "
                + $"{ours.TotalMilliseconds / count:F2} ms per DLL (start-up included)");
        }
        finally
        {
            File.Delete(sarif);
        }
    }

    private static (TimeSpan, T) Time<T>(Func<T> work)
    {
        var watch = Stopwatch.StartNew();
        var result = work();
        return (watch.Elapsed, result);
    }

    /// <summary>Runs llvm-readobj on a file, or on every file of a folder in one process; returns the lines it printed.</summary>
    private static int ReadObjExports(string fileOrFolder)
    {
        IEnumerable<string> files = Directory.Exists(fileOrFolder) ? Directory.EnumerateFiles(fileOrFolder).Order(StringComparer.Ordinal) : [fileOrFolder];
        var start = new ProcessStartInfo("llvm-readobj-19", ["--coff-exports", .. files])
        {
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var lines = 0;
        while (process.StandardOutput.ReadLine() is not null)
        {
            lines++;
        }
        process.WaitForExit();
        return lines;
    }

    /// <summary>A folder of the repository, found from the current folder upwards.</summary>
    public static string RepositoryFolder(string relative)
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"{relative} not found above {Directory.GetCurrentDirectory()}; run from the repository");
    }
}
