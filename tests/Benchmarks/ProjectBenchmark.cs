using System.Diagnostics;
using IisModuleValidator.FrontEnds.Cpp;
using IisModuleValidator.FrontEnds.Cpp.Projects;
using IisModuleValidator.FrontEnds.Cpp.Toolchain;

namespace IisModuleValidator.Benchmarks;

/// <summary>
/// A field-shaped module project (ModuleProjectTree: a .vcxproj of N units on a precompiled stdafx.h with the STL and ATL,
/// four configurations) checked by the CLI as a whole process, beside its yardstick in the same run: clang-19
/// -fsyntax-only on one configuration (Release|x64) with the project's own precompiled header (built once from stdafx.h,
/// then -include-pch for every unit, on every core). Prints; asserts nothing.
/// </summary>
public static class ProjectBenchmark
{
    public static int Run(string[] args)
    {
        var units = Arguments.Option(args, "--units", 30);
        if (Arguments.Option(args, "--cli") is not { } cli)
        {
            Console.Error.WriteLine("project: --cli PATH (the published iis-module-validator) is required: the figures are whole processes");
            return 2;
        }
        var (toolchain, error) = CppToolchain.Discover();
        if (toolchain is null)
        {
            Console.Error.WriteLine(error);
            return 2;
        }
        // --tree DIR: write the project there and keep it, to run the CLI or clang on it by hand.
        var kept = Arguments.Option(args, "--tree");
        var tree = kept ?? Directory.CreateTempSubdirectory("iism-bench-project-").FullName;
        var sarif = Path.Combine(tree, "report.sarif");
        try
        {
            var vcxproj = ModuleProjectTree.Write(tree, units);
            var project = VcxprojProject.Load(vcxproj);
            var configurations = VcxprojProject.LoadConfigurations(vcxproj, useMsBuild: false).Count;
            Console.WriteLine($"{Path.GetFileName(vcxproj)}: {project.Units.Count} translation units on a precompiled stdafx.h (windows.h, httpserv.h, STL, ATL), "
                + $"{configurations} configurations, {Environment.ProcessorCount} cores, libclang {FrontEnds.Cpp.Clang.LibClang.Version}");

            var cache = Path.Combine(tree, "parse-cache");
            string[] check = ["check", vcxproj, "--format", "sarif", "-o", sarif];
            // The yardstick first: the peak of finished children is a running maximum, so clang's comes out alone and ours
            // (the CLI and its parse workers) shows only where it is above it.
            var clang = WholeProcess.Median(() => ClangWithProjectPch(toolchain, project, tree), runs: 3);
            var clangPeak = WholeProcess.PeakChildMegabytes();
            var cold = WholeProcess.Median(() => WholeProcess.Run(cli, [.. check, "--no-cache"]), runs: 3);
            var peak = WholeProcess.PeakChildMegabytes();
            // The cache: a first run fills it (what a CI machine pays), then the same project again, then one edited unit.
            var filling = WholeProcess.Median(() =>
            {
                if (Directory.Exists(cache))
                {
                    Directory.Delete(cache, recursive: true);
                }
                return WholeProcess.Run(cli, [.. check, "--cache-dir", cache]);
            }, runs: 3);
            var unchanged = WholeProcess.Median(() => WholeProcess.Run(cli, [.. check, "--cache-dir", cache]), runs: 5);
            var edited = Path.Combine(tree, "RewriteModule.cpp");
            var edits = 0;
            var oneEdit = WholeProcess.Median(() =>
            {
                File.AppendAllText(edited, $"\n// edit {++edits}\n");
                return WholeProcess.Run(cli, [.. check, "--cache-dir", cache]);
            }, runs: 3);

            // The same module beside a vendored library (thirdparty/): checking the folder must cost about what the module does.
            var vendoredFiles = VendoredLibraryTree.Write(Path.Combine(tree, "thirdparty"));
            var moduleAlone = WholeProcess.Median(() => WholeProcess.Run(cli, [.. check, "--no-cache"]), runs: 3);
            var folder = WholeProcess.Median(() => WholeProcess.Run(cli, ["check", tree, "--format", "sarif", "-o", sarif, "--no-cache"]), runs: 3);

            Console.WriteLine("whole process, medians (3 runs; 5 for the unchanged project):");
            Console.WriteLine($"  {$"clang-19 -fsyntax-only, {project.Configuration} only, the project's PCH (yardstick)",-72} {clang.TotalSeconds,7:F2} s, peak {clangPeak:F0} MiB");
            Console.WriteLine($"  {"iis-module-validator check X.vcxproj --format sarif -o F --no-cache",-72} {cold.TotalSeconds,7:F2} s, peak "
                + (peak > clangPeak ? $"{peak:F0} MiB" : $"at most {clangPeak:F0} MiB") + " (largest process: a parse worker)");
            Console.WriteLine($"  {"  the same, filling an empty cache (cold run)",-72} {filling.TotalSeconds,7:F2} s");
            Console.WriteLine($"  {"  again, nothing changed",-72} {unchanged.TotalSeconds,7:F2} s");
            Console.WriteLine($"  {"  again, one .cpp edited",-72} {oneEdit.TotalSeconds,7:F2} s");
            Console.WriteLine($"  {$"  the module's project again, with thirdparty/ written beside it",-72} {moduleAlone.TotalSeconds,7:F2} s");
            Console.WriteLine($"  {$"  check DIR: the folder, with a vendored library ({vendoredFiles:N0} files, 11 projects)",-72} {folder.TotalSeconds,7:F2} s");
            Console.WriteLine($"  ours / clang: {cold.TotalMilliseconds / clang.TotalMilliseconds:F2}x without the cache (target: at most 10 s, peak at most 300 MiB); "
                + $"unchanged re-run {unchanged.TotalMilliseconds / filling.TotalMilliseconds:P0} of the cold run (target: at most 1 s); "
                + $"the folder {(folder - moduleAlone).TotalSeconds:+0.00;-0.00} s beside its module (target: at most +2 s)");
            return 0;
        }
        finally
        {
            if (kept is null)
            {
                Directory.Delete(tree, recursive: true);
            }
            else
            {
                File.Delete(sarif);
            }
        }
    }

    /// <summary>The project's PCH built once from its header, then every unit that uses it parsed with it, on every core.</summary>
    private static TimeSpan ClangWithProjectPch(CppToolchain toolchain, CppProject project, string tree)
    {
        var frontEnd = new CppFrontEnd(toolchain);
        var header = Path.Combine(tree, "stdafx.h");
        var pch = Path.Combine(tree, "yardstick.pch");
        var watch = Stopwatch.StartNew();
        var first = project.Units[0];
        Clang([.. frontEnd.PrecompiledHeaderArgumentsFor(first, header, project.Platform), header, "-o", pch]);
        project.Units.Where(unit => !unit.SourcePath.EndsWith("stdafx.cpp", StringComparison.Ordinal))
            .AsParallel().WithDegreeOfParallelism(Environment.ProcessorCount)
            .ForAll(unit => Clang([.. frontEnd.ArgumentsFor(unit, project.Platform), "-include-pch", pch, "-fsyntax-only", unit.SourcePath]));
        return watch.Elapsed;
    }

    private static void Clang(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("clang-19", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"the yardstick failed: clang-19 {string.Join(' ', start.ArgumentList)}\n{errors}");
        }
    }
}
