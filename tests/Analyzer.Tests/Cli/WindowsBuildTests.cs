using System.Security.Cryptography;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// The Windows build (win-x64, self-contained, as a user on Windows runs it) executed under Wine (Debian wine64, which
/// .ci/install-packages installs): its file identity is the volume and file index, and paths compare without case, so
/// `-o M.DLL` onto the input m.dll is refused with exit 2 and the input untouched, and one file named in two spellings
/// is one input. Before, the Windows build overwrote the input and analyzed it twice.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WindowsBuildTests
{
    private const string Wine = "/usr/lib/wine/wine64";

    private static async Task<ProcessRun> RunWindowsBuild(string workingDirectory, params string[] arguments)
    {
        Assert.True(File.Exists(Wine), "wine64 is needed (.ci/install-packages installs it)");
        var published = await PackedPackages.PublishedFor("src/Cli/IisModuleValidator.Cli.csproj", "win-x64");
        return await TestProcess.Run(Wine, [Path.Combine(published, "iis-module-validator.exe"), .. arguments], workingDirectory,
            new Dictionary<string, string?> { ["WINEDEBUG"] = "-all", ["WINEPREFIX"] = Path.Combine(workingDirectory, ".wine") });
    }

    [Fact]
    public async Task Output_onto_an_input_in_another_case_is_refused_and_the_input_is_untouched()
    {
        using var temp = new TempDirectory();
        var input = temp.File("m.dll", File.ReadAllBytes(TestPaths.Sample("x64/missing-handler.dll")));
        var before = SHA256.HashData(File.ReadAllBytes(input));

        var run = await RunWindowsBuild(temp.Path, "check", "m.dll", "-o", "M.DLL");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("refusing to overwrite it", run.StandardError);
        Assert.Equal(before, SHA256.HashData(File.ReadAllBytes(input)));
        Assert.Equal(["m.dll"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task One_file_named_in_two_spellings_is_one_input_with_the_linux_builds_findings()
    {
        using var temp = new TempDirectory();
        temp.File("m.dll", File.ReadAllBytes(TestPaths.Sample("x64/missing-handler.dll")));

        var run = await RunWindowsBuild(temp.Path, "check", "m.dll", "M.DLL", "--format", "msbuild");
        var linux = CliRun.Run("check", Path.Combine(temp.Path, "m.dll"), "--format", "msbuild", "--base-dir", temp.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("1 file(s) analyzed", run.StandardError);
        Assert.Equal(linux.Output.ReplaceLineEndings("\n"), run.StandardOutput.ReplaceLineEndings("\n"));
    }
}
