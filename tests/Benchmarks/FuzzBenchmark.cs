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
            clock.Restart();
            var projects = Outcome.Measure(HostileProjectsAndConfigurations(folder), folder, TimeSpan.FromSeconds(5));
            Console.WriteLine($"{projects.Inputs} hostile projects, property sheets, CMake trees, .editorconfig files and IIS configurations, {clock.Elapsed.TotalSeconds:F1} s");
            projects.Print();
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

    /// <summary>
    /// Each beside the files it needs (a module unit, headers, a FIFO), written into <paramref name="folder"/>; the input is
    /// the project, the DLL under the .editorconfig, or the configuration. MSBuild evaluates in its bounded worker.
    /// </summary>
    private static IEnumerable<(string Name, byte[] Bytes)> HostileProjectsAndConfigurations(string folder)
    {
        var samples = BinaryBenchmark.RepositoryFolder("samples");
        var module = File.ReadAllBytes(Path.Combine(samples, "cpp", "missing-handler", "missing-handler.cpp"));
        Directory.CreateDirectory(Path.Combine(folder, "common"));
        foreach (var header in Directory.GetFiles(Path.Combine(samples, "cpp", "common"), "*.h"))
        {
            File.Copy(header, Path.Combine(folder, "common", Path.GetFileName(header)), overwrite: true);
        }
        string Case(string name)
        {
            var directory = Directory.CreateDirectory(Path.Combine(folder, name)).FullName;
            File.WriteAllBytes(Path.Combine(directory, "module.cpp"), module);
            return directory;
        }
        (string, byte[]) Project(string name, string body, string root = "<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">")
        {
            Case(name);
            return ($"{name}/{name}.vcxproj", Encoding.UTF8.GetBytes($"{root}<ItemGroup><ProjectConfiguration Include=\"Release|x64\" /><ProjectConfiguration Include=\"Debug|Win32\" /></ItemGroup>{body}<ItemGroup><ClCompile Include=\"module.cpp\" /></ItemGroup></Project>"));
        }
        yield return Project("condition", $"<PropertyGroup Condition=\"{new string('(', 100_000)}'a'=='a'{new string(')', 100_000)}\"><X>1</X></PropertyGroup>");
        yield return Project("doubling", "<PropertyGroup><P>0123456789abcdef</P>" + string.Concat(Enumerable.Repeat("<P>$(P)$(P)</P>", 40)) + "</PropertyGroup>");
        yield return Project("itemdoubling", "<ItemGroup><I Include=\"a;b\" /></ItemGroup>" + string.Concat(Enumerable.Repeat("<ItemGroup><I Include=\"@(I);@(I)\" /></ItemGroup>", 40)));
        yield return Project("readzero", "<PropertyGroup><P>$([System.IO.File]::ReadAllText('/dev/zero'))</P></PropertyGroup>");
        yield return Project("regex", "<PropertyGroup><P>$([System.Text.RegularExpressions.Regex]::IsMatch('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', '^(a+)+$'))</P></PropertyGroup>");
        yield return Project("environment", "<ItemGroup><ClCompile Include=\"$(HOME)/$(PATH)/a.cpp\" /></ItemGroup>");
        var fifo = Path.Combine(Case("fifoimport"), "fifo.props");
        if (!OperatingSystem.IsWindows() && !File.Exists(fifo))
        {
            Process.Start("mkfifo", [fifo])!.WaitForExit();
        }
        yield return Project("fifoimport", "<PropertyGroup><F>$(MSBuildThisFileDirectory)fifo.props</F></PropertyGroup><Import Project=\"$(F)\" />");
        yield return Project("zeroimport", "<PropertyGroup><Z>/dev/zero</Z></PropertyGroup><Import Project=\"$(Z)\" />");
        yield return Project("glob", "<ItemGroup><ClCompile Include=\"/usr/**/*.nothing\" /></ItemGroup>");
        yield return Project("foreignsdk", "", "<Project Sdk=\"Evil.Build.Sdk/6.6.6\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">");
        yield return Project("manyitems", "<ItemGroup>" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<ClCompile Include=\"gone{i}.cpp\" />")) + "</ItemGroup>");
        // Property sheets: a chain 200 deep, and one that imports itself.
        var sheets = Case("sheets");
        for (var i = 0; i < 200; i++)
        {
            File.WriteAllText(Path.Combine(sheets, $"s{i}.props"), $"<Project><Import Project=\"s{i + 1}.props\" Condition=\"Exists('s{i + 1}.props')\" /><PropertyGroup><S{i}>{i}</S{i}></PropertyGroup></Project>");
        }
        File.WriteAllText(Path.Combine(sheets, "self.props"), "<Project><Import Project=\"self.props\" /></Project>");
        yield return Project("sheets", "<ImportGroup Label=\"PropertySheets\"><Import Project=\"s0.props\" /><Import Project=\"self.props\" /></ImportGroup>");
        // An .editorconfig of 300,000 glob sections above a DLL.
        var editor = Directory.CreateDirectory(Path.Combine(folder, "editorconfig")).FullName;
        var text = new StringBuilder("root = true\n[*.dll]\ndotnet_diagnostic.IISM2001.severity = warning\n");
        for (var i = 0; i < 300_000; i++)
        {
            text.Append($"[{{src,lib,x{i}}}/**/{{a,b,c}}{{1..{i % 50 + 2}}}*.{{cpp,h,dll}}]\nindent_style = space\nmax_line_length = {i}\n");
        }
        File.WriteAllText(Path.Combine(editor, ".editorconfig"), text.ToString());
        yield return ("editorconfig/missing-handler.dll", File.ReadAllBytes(Path.Combine(samples, "bin", "x64", "missing-handler.dll")));
        // CMake trees, read by the validator's own reader: a value that doubles 40 times, a folder that adds itself twice,
        // 100,000 nested if()s.
        Case("cmakedouble");
        yield return ("cmakedouble/CMakeLists.txt", Encoding.UTF8.GetBytes("project(p)\nset(A \"0123456789abcdef\")\n"
            + string.Concat(Enumerable.Repeat("set(A \"${A}${A}\")\n", 40)) + "add_library(m SHARED module.cpp)\n"));
        Case("cmakeself");
        yield return ("cmakeself/CMakeLists.txt", Encoding.UTF8.GetBytes("project(p)\nadd_subdirectory(.)\nadd_subdirectory(.)\nadd_library(m SHARED module.cpp)\n"));
        Case("cmakedeep");
        yield return ("cmakedeep/CMakeLists.txt", Encoding.UTF8.GetBytes("project(p)\n" + string.Concat(Enumerable.Repeat("if(WIN32)\n", 100_000))
            + "add_library(m SHARED module.cpp)\n" + string.Concat(Enumerable.Repeat("endif()\n", 100_000))));
        // IIS configurations: a site at the root, an image that climbs, 100,000 global modules, an entity bomb, deep nesting.
        yield return ("iisroot/applicationHost.config", Encoding.UTF8.GetBytes("""
            <configuration><system.applicationHost><applicationPools><add name="P" /></applicationPools>
            <sites><site name="S" id="1"><application path="/" applicationPool="P"><virtualDirectory path="/" physicalPath="/" /></application></site></sites>
            </system.applicationHost><system.webServer><globalModules><add name="M" image="C:\..\..\..\etc\passwd" /></globalModules></system.webServer></configuration>
            """));
        yield return ("iismany/applicationHost.config", Encoding.UTF8.GetBytes("<configuration><system.webServer><globalModules>"
            + string.Concat(Enumerable.Range(0, 100_000).Select(i => $"<add name=\"M{i % 1000}\" image=\"%windir%\\m{i}.dll\" preCondition=\"bitness64,x{i}\" />"))
            + "</globalModules></system.webServer></configuration>"));
        yield return ("iisbomb/applicationHost.config", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><configuration>&c;</configuration>"));
        yield return ("iisdeep/web.config", Encoding.UTF8.GetBytes("<configuration>" + string.Concat(Enumerable.Repeat("<location>", 50_000)) + string.Concat(Enumerable.Repeat("</location>", 50_000)) + "</configuration>"));
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
        public readonly ConcurrentBag<string> ContainedEvaluations = [];
        public readonly ConcurrentBag<string> Hangs = [];
        public readonly ConcurrentBag<string> Silent = [];
        public TimeSpan Worst;
        public string WorstName = "";
        public TimeSpan Bound = HangBound;

        public static Outcome Measure(IEnumerable<(string Name, byte[] Bytes)> inputs, string folder, TimeSpan? hangBound = null)
        {
            var bound = hangBound ?? HangBound;
            var outcome = new Outcome();
            var gate = new object();
            Parallel.ForEach(inputs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, input =>
            {
                var path = Path.Combine(folder, input.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, input.Bytes);
                var clock = Stopwatch.StartNew();
                try
                {
                    var report = new ModuleValidator().Run([path], folder);
                    if (report.Notifications.FirstOrDefault(notification => notification.RuleId == ToolNotificationIds.AnalysisFailed) is { } failure)
                    {
                        (failure.Message.Contains("the parser crashed", StringComparison.Ordinal) ? outcome.Contained : outcome.Crashes).Add($"{input.Name}: {failure.Message}");
                    }
                    else if (report.Notifications.FirstOrDefault(notification => notification.Message.Contains("MSBuild's evaluation", StringComparison.Ordinal)) is { } stopped)
                    {
                        outcome.ContainedEvaluations.Add($"{input.Name}: {stopped.Message}");
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
                    if (elapsed > bound)
                    {
                        outcome.Hangs.Add($"{input.Name}: {elapsed.TotalSeconds:F1} s");
                    }
                    outcome.Bound = bound;
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
            Console.WriteLine($"  crashes: {Crashes.Count}, hangs (over {Bound.TotalSeconds:0} s): {Hangs.Count}, silent inputs: {Silent.Count}; "
                              + $"parser crashes contained by the workers (IISM9004): {Contained.Count}"
                              + (ContainedEvaluations.IsEmpty ? "" : $"; project evaluations refused or stopped (IISM9010): {ContainedEvaluations.Count}"));
            Console.WriteLine($"  worst input: {WorstName} in {Worst.TotalMilliseconds:F0} ms");
            foreach (var line in Crashes.Concat(Contained).Concat(ContainedEvaluations).Concat(Hangs).Concat(Silent.Select(name => $"{name}: silent")).Order(StringComparer.Ordinal).Take(20))
            {
                Console.WriteLine($"    {line}");
            }
        }
    }
}
