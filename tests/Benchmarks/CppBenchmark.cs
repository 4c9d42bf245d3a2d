using System.Diagnostics;
using IisModuleValidator.FrontEnds.Cpp;
using IisModuleValidator.FrontEnds.Cpp.Toolchain;

namespace IisModuleValidator.Benchmarks;

/// <summary>
/// Per-TU time of the C++ front end on a generated tree of N translation units that start with a shared header
/// (windows.h + httpserv.h), against 'clang-19 -fsyntax-only' with the same flags on the same files, both using
/// every core. Prints the figures; asserts nothing.
/// </summary>
public static class CppBenchmark
{
    public static int Run(string[] args)
    {
        var units = Arguments.Option(args, "--units", 100);
        var (toolchain, error) = CppToolchain.Discover();
        if (toolchain is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        var tree = Directory.CreateTempSubdirectory("iism-bench-").FullName;
        try
        {
            var project = GeneratedTree.Write(tree, units);
            Console.WriteLine($"{units} translation units, {Environment.ProcessorCount} cores, libclang {FrontEnds.Cpp.Clang.LibClang.LoadedPath}");

            // Warm-up on a project of its own, so that JIT compilation is not charged to the first figure.
            new CppFrontEnd(toolchain).Analyze(project with { Units = [.. project.Units.Take(2)] });
            var shared = Time(() => new CppFrontEnd(toolchain).Analyze(project), out var analysis);
            var unshared = Time(() => new CppFrontEnd(toolchain) { SharePrecompiledHeaders = false }.Analyze(project), out _);
            var clang = Time(() => ClangSyntaxOnly(toolchain, project), out var failures);

            Console.WriteLine($"  registrations found: {analysis.Model.Registrations.Count}, classes: {analysis.Model.Classes.Count}, degraded units: {analysis.Degraded.Count}, clang failures: {failures}");
            Report("clang-19 -fsyntax-only (same flags)", clang, units);
            Report("our engine, every TU parsed in full", unshared, units);
            Report("our engine, shared precompiled header", shared, units);
            Console.WriteLine($"  speed-up over clang -fsyntax-only: {clang.TotalMilliseconds / shared.TotalMilliseconds:F1}x");
            return 0;
        }
        finally
        {
            Directory.Delete(tree, recursive: true);
        }
    }

    private static void Report(string what, TimeSpan elapsed, int units) =>
        Console.WriteLine($"  {what,-40} {elapsed.TotalSeconds,8:F2} s wall  {elapsed.TotalMilliseconds / units,8:F1} ms per TU");

    private static TimeSpan Time<T>(Func<T> work, out T result)
    {
        var watch = Stopwatch.StartNew();
        result = work();
        return watch.Elapsed;
    }

    private static int ClangSyntaxOnly(CppToolchain toolchain, CppProject project)
    {
        var frontEnd = new CppFrontEnd(toolchain);
        return project.Units.AsParallel().WithDegreeOfParallelism(Environment.ProcessorCount).Count(unit =>
        {
            var start = new ProcessStartInfo("clang-19", [.. frontEnd.ArgumentsFor(unit, project.Platform), "-fsyntax-only", unit.SourcePath])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode != 0;
        });
    }
}
