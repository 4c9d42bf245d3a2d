using System.Security.Cryptography;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// The Windows build (win-x64, self-contained, as a user on Windows runs it) executed under Wine (Debian wine64, which
/// .ci/install-packages installs): its file identity is the volume and file index, and paths compare without case, so
/// `-o M.DLL` onto the input m.dll is refused with exit 2 and the input untouched, and one file named in two spellings
/// is one input. Before, the Windows build overwrote the input and analyzed it twice. Its findings on the DLL, C# and
/// deployment samples are the Linux build's, byte for byte; its folders are under %LOCALAPPDATA%; it writes UTF-8 to a
/// pipe; it looks for libclang.dll where Visual Studio really is (vswhere), and says what to install when there is none
/// (none is served here, so C++ is not parsed under Wine).
/// Wine 8 only: the runtime's W^X double mapping crashes the Windows CLR under it in a finalizer ("Internal CLR error"
/// in DynamicResolver), so these runs set DOTNET_EnableWriteXorExecute=0; Windows itself does not need it.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class WindowsBuildTests
{
    private const string Wine = "/usr/lib/wine/wine64";

    /// <summary>One Wine prefix for the runs that change nothing in it (a new prefix costs seconds to create).</summary>
    private static readonly Lazy<string> SharedPrefix = new(() => TempDirectory.ForTheRun("iism-wine-"));

    private static Task<ProcessRun> RunWindowsBuild(string workingDirectory, params string[] arguments) =>
        RunWindowsBuildIn(Path.Combine(workingDirectory, ".wine"), workingDirectory, arguments);

    private static async Task<ProcessRun> RunWindowsBuildIn(string prefix, string workingDirectory, params string[] arguments)
    {
        Assert.True(File.Exists(Wine), "wine64 is needed (.ci/install-packages installs it)");
        var published = await PackedPackages.PublishedFor("src/Cli/IisModuleValidator.Cli.csproj", "win-x64");
        return await TestProcess.Run(Wine, [Path.Combine(published, "iis-module-validator.exe"), .. arguments], workingDirectory,
            new Dictionary<string, string?> { ["WINEDEBUG"] = "-all", ["WINEPREFIX"] = prefix, ["DOTNET_EnableWriteXorExecute"] = "0" });
    }

    [Theory]
    [InlineData("bin")]
    [InlineData("csharp")]
    [InlineData("deploy")]
    public async Task The_windows_builds_findings_on_the_samples_are_the_linux_builds(string samples)
    {
        var run = await RunWindowsBuildIn(SharedPrefix.Value, TestPaths.RepositoryRoot, "check", $"samples/{samples}", "--format", "msbuild");
        var linux = CliRun.Run("check", Path.Combine(TestPaths.Samples, samples), "--format", "msbuild", "--base-dir", TestPaths.RepositoryRoot);

        Assert.Equal(linux.Exit, run.ExitCode);
        Assert.NotEmpty(linux.Output);
        // The same lines in the same order: relative paths print with '/' on both.
        Assert.Equal(linux.Output.ReplaceLineEndings("\n"), run.StandardOutput.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Reports_written_to_a_pipe_are_utf8()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "módulo-ü"));
        File.Copy(TestPaths.Sample("x64/missing-handler.dll"), Path.Combine(temp.Path, "módulo-ü", "m.dll"));

        var run = await RunWindowsBuildIn(SharedPrefix.Value, temp.Path, "check", "módulo-ü", "--format", "msbuild");

        // Before, the ANSI code page wrote 'ó' as the single byte 0xF3, which a UTF-8 reader turns into U+FFFD.
        Assert.StartsWith("módulo-ü/m.dll: error IISM2001", run.StandardOutput);
        Assert.Contains("error IISM2001", run.StandardOutput);
    }

    [Fact]
    public async Task Its_folders_are_under_local_app_data_and_without_libclang_dll_setup_says_what_to_install()
    {
        var sdk = @"Z:" + Path.GetDirectoryName(Path.GetDirectoryName(TestPaths.HttpServHeader))!.Replace('/', '\\');

        var run = await RunWindowsBuildIn(SharedPrefix.Value, TestPaths.RepositoryRoot, "setup", "--sdk-include", sdk);

        Assert.Equal(2, run.ExitCode);
        Assert.Matches(@"Tool data \(setup record, parse cache key\): C:\\users\\[^\\]+\\AppData\\Local\\iis-module-validator\r?\n", run.StandardOutput);
        Assert.Matches(@"Parse cache: C:\\users\\[^\\]+\\AppData\\Local\\iis-module-validator\\parse-cache\r?\n", run.StandardOutput);
        Assert.Contains(@"libclang was not found (tried libclang.dll, C:\Program Files\LLVM\bin\libclang.dll); install LLVM for Windows (winget install LLVM.LLVM", run.StandardError);
    }

    [Fact]
    public async Task Without_libclang_dll_a_cpp_project_is_an_IISM9007_and_the_dlls_beside_it_are_checked()
    {
        var run = await RunWindowsBuildIn(SharedPrefix.Value, TestPaths.RepositoryRoot, "check", "samples/cpp/missing-handler", "samples/bin/x64/missing-handler.dll", "--format", "msbuild");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("samples/cpp/missing-handler/missing-handler.vcxproj: error IISM9007: C++ sources could not be analyzed: libclang was not found", run.StandardOutput);
        Assert.Contains("Visual Studio's \"C++ Clang Compiler for Windows\" component", run.StandardOutput);
        Assert.Contains("samples/bin/x64/missing-handler.dll: error IISM2001", run.StandardOutput);
    }

    [Fact]
    public async Task Libclang_dll_is_looked_for_in_each_visual_studio_that_vswhere_reports_wherever_it_is_installed()
    {
        using var temp = new TempDirectory();
        var prefix = Path.Combine(temp.Path, ".wine");
        var installation = @"C:\Tools\VS 2022";
        // vswhere.exe at its fixed path, reporting a Visual Studio outside Program Files (a build from mingw's gcc).
        var source = temp.File("vswhere.c", System.Text.Encoding.UTF8.GetBytes($$"""
            #include <stdio.h>
            int main(void) { puts("{{installation.Replace(@"\", @"\\")}}"); return 0; }
            """));
        var warm = await RunWindowsBuildIn(prefix, temp.Path, "list-rules");
        Assert.Equal(0, warm.ExitCode);
        var installer = Path.Combine(prefix, "drive_c", "Program Files (x86)", "Microsoft Visual Studio", "Installer");
        Directory.CreateDirectory(installer);
        Directory.CreateDirectory(Path.Combine(prefix, "drive_c", "Tools", "VS 2022"));
        var gcc = await TestProcess.Run("x86_64-w64-mingw32-gcc", ["-o", Path.Combine(installer, "vswhere.exe"), source], temp.Path);
        Assert.True(gcc.ExitCode == 0, gcc.Output);

        var run = await RunWindowsBuildIn(prefix, TestPaths.RepositoryRoot, "check", "samples/cpp/missing-handler", "--format", "msbuild");

        Assert.Contains($@"tried libclang.dll, {installation}\VC\Tools\Llvm\x64\bin\libclang.dll, C:\Program Files\LLVM\bin\libclang.dll)", run.StandardOutput);
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
