using System.Text;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// A self-contained build (`dotnet publish -r RID --self-contained`, how the Windows build ships) has no dotnet host
/// beside it, so its parse workers are the tool's own executable started with the worker verb. Before, such a build
/// parsed C++ in its own process, where a source that crashes libclang takes the whole run with it. The Windows build
/// takes the same path with iis-module-validator.exe; under Wine it cannot parse (no libclang.dll is served), so the
/// path is executed here in the linux-x64 build.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class SelfContainedBuildTests
{
    private static readonly string MissingHandler = TestPaths.MissingHandlerSource;

    [Fact]
    public async Task Its_parse_workers_are_its_own_executable_and_contain_a_libclang_crash()
    {
        var published = await PackedPackages.PublishedFor("src/Cli/IisModuleValidator.Cli.csproj", "linux-x64");
        Assert.False(File.Exists(Path.Combine(published, "dotnet")), "a self-contained build carries no dotnet host");
        using var temp = new TempDirectory();
        // 30,000 chained else-ifs crash libclang 14 to 22 (HostileSourceTests); in the validator's own process that is the end of the run.
        var crasher = temp.File("elseif.cpp", Encoding.UTF8.GetBytes(
            "// Status mapping for the CHttpModule of this project.\nint f(int x) {\n  if (x == 0) return 0;\n"
            + string.Concat(Enumerable.Range(1, 30_000).Select(i => $"  else if (x == {i}) return {i};\n")) + "  return -1;\n}\n"));

        var run = await TestProcess.Run(Path.Combine(published, "iis-module-validator"), ["check", crasher, MissingHandler, "--format", "msbuild"], temp.Path,
            new Dictionary<string, string?> { ["IISM_PARSE_IN_PROCESS"] = null });

        // 3: the validator failed on an input (IISM9004), and it went on to the others.
        Assert.True(run.ExitCode == 3, run.Output);
        Assert.Contains("elseif.cpp: error IISM9004", run.StandardOutput);
        Assert.Contains("crashed", run.StandardOutput);
        Assert.Contains("missing-handler.cpp(", run.StandardOutput);
        Assert.Contains("error IISM2001", run.StandardOutput);
    }
}
