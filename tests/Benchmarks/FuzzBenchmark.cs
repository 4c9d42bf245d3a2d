using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using IisModuleValidator.Analysis;
using IisModuleValidator.Tests.Hostile;

namespace IisModuleValidator.Benchmarks;

/// <summary>
/// The fuzz run: N deterministic PE mutants of the sample DLLs, and generated hostile sources (deep nesting, huge
/// files, include cycles, invalid UTF-8 and NULs), each analyzed on its own. Prints crashes (an exception out of the
/// validator, or an internal failure IISM9004 that is not a contained parser crash), parser crashes that the worker
/// processes contained (reported as IISM9004, the run goes on), hangs (an input over the time bound), silent inputs
/// (neither a finding, a notification, nor an analyzed model), the worst time of one input, and the process's peak
/// resident memory. Asserts nothing.
/// </summary>
public static class FuzzBenchmark
{
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(2);

    public static int Run(string[] args)
    {
        var count = Arguments.Option(args, "--mutants", 100_000);
        var seed = Arguments.Option(args, "--seed", 1);
        var seeds = Directory.EnumerateFiles(BinaryBenchmark.RepositoryFolder("samples/bin"), "*.dll", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var folder = Directory.CreateTempSubdirectory("iism-fuzz-").FullName;
        try
        {
            var clock = Stopwatch.StartNew();
            var binaries = Outcome.Measure(PeMutator.Mutants(seeds, count, seed).Select((bytes, index) => (Name: $"mutant{index:D6}.dll", Bytes: bytes)), folder);
            Console.WriteLine($"{count:N0} PE mutants of {seeds.Count} sample DLLs (seed {seed}), {Environment.ProcessorCount} cores, {clock.Elapsed.TotalSeconds:F1} s");
            binaries.Print();
            clock.Restart();
            var crafted = Outcome.Measure(CraftedBinaries(), folder);
            Console.WriteLine($"{crafted.Inputs} crafted DLLs (constructor chains 10000 x 9000 x 2500; 32,000 sections and 65,000 exports), {clock.Elapsed.TotalSeconds:F1} s");
            crafted.Print();
            clock.Restart();
            var sources = Outcome.Measure(HostileSources(), folder);
            Console.WriteLine($"{sources.Inputs} hostile sources, {clock.Elapsed.TotalSeconds:F1} s");
            sources.Print();
            Console.WriteLine($"peak resident memory of this process: {PeakResidentMegabytes()} MB (C++ parses run in worker processes)");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> CraftedBinaries()
    {
        var work = Directory.CreateTempSubdirectory("iism-fuzz-crafted-").FullName;
        try
        {
            var chain = CraftedDll.Build(work, "ctor-chain", CraftedDll.ConstructorChain(10000, 9000, 2500));
            var many = CraftedDll.ManySectionsAndExports(work, sections: 32_000, exports: 65_000);
            return [("ctor-chain.dll", File.ReadAllBytes(chain)), ("many-sections.dll", File.ReadAllBytes(many))];
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static IEnumerable<(string Name, byte[] Bytes)> HostileSources()
    {
        const string Module = "// A helper of this project's CHttpModule.\n";
        byte[] Text(string text) => Encoding.UTF8.GetBytes(Module + text);
        yield return ("elseif.cpp", Text("int f(int x) {\n if (x == 0) return 0;\n" + string.Concat(Enumerable.Range(1, 6000).Select(i => $" else if (x == {i}) return {i};\n")) + " return -1; }\n"));
        yield return ("sum.cpp", Text("int g() { return 0" + string.Concat(Enumerable.Repeat(" + 1", 50_000)) + "; }\n"));
        yield return ("parens.cpp", Text("int h() { return " + new string('(', 10_000) + "1" + new string(')', 10_000) + "; }\n"));
        yield return ("braces.cpp", Text("void b() " + string.Concat(Enumerable.Repeat("{", 20_000)) + string.Concat(Enumerable.Repeat("}", 20_000)) + "\n"));
        yield return ("huge.cpp", Text(string.Concat(Enumerable.Range(0, 200_000).Select(i => $"int v{i} = {i};\n"))));
        yield return ("cycle.cpp", Text("#include \"cycle.cpp\"\nint c;\n"));
        yield return ("utf8.cpp", [.. Encoding.UTF8.GetBytes(Module), 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0x0A, .. "int u;\n"u8]);
        yield return ("nuls.cpp", [.. Encoding.UTF8.GetBytes(Module), 0x00, 0x00, .. "int n;\0\0 class C {\0 };\n"u8]);
        yield return ("Deep.cs", Encoding.UTF8.GetBytes("static class D { static int F() => " + new string('(', 10_000) + "1" + new string(')', 10_000) + "; }\n"));
        yield return ("Huge.cs", Encoding.UTF8.GetBytes("static class H {\n" + string.Concat(Enumerable.Range(0, 100_000).Select(i => $" static int f{i} = {i};\n")) + "}\n"));
        yield return ("Nuls.cs", [.. "class N { \0\0 }"u8, 0xFF, 0xFE]);
    }

    private static long PeakResidentMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(line => line.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)
            : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }

    private sealed class Outcome
    {
        public int Inputs;
        public readonly ConcurrentBag<string> Crashes = [];
        public readonly ConcurrentBag<string> Contained = [];
        public readonly ConcurrentBag<string> Hangs = [];
        public readonly ConcurrentBag<string> Silent = [];
        public TimeSpan Worst;
        public string WorstName = "";

        public static Outcome Measure(IEnumerable<(string Name, byte[] Bytes)> inputs, string folder)
        {
            var outcome = new Outcome();
            var gate = new object();
            Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, input =>
            {
                var path = Path.Combine(folder, input.Name);
                File.WriteAllBytes(path, input.Bytes);
                var clock = Stopwatch.StartNew();
                try
                {
                    var report = new ModuleValidator().Run([path], folder);
                    if (report.Notifications.FirstOrDefault(notification => notification.RuleId == ToolNotificationIds.AnalysisFailed) is { } failure)
                    {
                        (failure.Message.Contains("the parser crashed", StringComparison.Ordinal) ? outcome.Contained : outcome.Crashes).Add($"{input.Name}: {failure.Message}");
                    }
                    else if (report.Findings.Count == 0 && report.Notifications.Count == 0 && report.AnalyzedCount == 0)
                    {
                        outcome.Silent.Add(input.Name);
                    }
                }
                catch (Exception exception)
                {
                    outcome.Crashes.Add($"{input.Name}: {exception.GetType().Name}: {exception.Message}");
                }
                var elapsed = clock.Elapsed;
                File.Delete(path);
                lock (gate)
                {
                    outcome.Inputs++;
                    if (elapsed > HangBound)
                    {
                        outcome.Hangs.Add($"{input.Name}: {elapsed.TotalSeconds:F1} s");
                    }
                    if (elapsed > outcome.Worst)
                    {
                        (outcome.Worst, outcome.WorstName) = (elapsed, input.Name);
                    }
                }
            });
            return outcome;
        }

        public void Print()
        {
            Console.WriteLine($"  crashes: {Crashes.Count}, hangs (over {HangBound.TotalSeconds:0} s): {Hangs.Count}, silent inputs: {Silent.Count}; "
                              + $"parser crashes contained by the workers (IISM9004): {Contained.Count}");
            Console.WriteLine($"  worst input: {WorstName} in {Worst.TotalMilliseconds:F0} ms");
            foreach (var line in Crashes.Concat(Contained).Concat(Hangs).Concat(Silent.Select(name => $"{name}: silent")).Order(StringComparer.Ordinal).Take(20))
            {
                Console.WriteLine($"    {line}");
            }
        }
    }
}
