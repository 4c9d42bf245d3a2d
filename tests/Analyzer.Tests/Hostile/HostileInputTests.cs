using System.Diagnostics;
using IisModuleValidator.Analysis;
using IisModuleValidator.Cli;
using IisModuleValidator.Io;

namespace IisModuleValidator.Tests.Hostile;

/// <summary>Special files, links, hostile names and output paths: the run ends, reads only regular files, damages nothing.</summary>
public sealed class HostileInputTests
{
    private static readonly byte[] NoExport = File.ReadAllBytes(TestPaths.Sample("x64/no-export.dll"));

    private static (int Exit, string Output, string Error) Cli(params string[] args) => Tests.Cli.CliRun.Run(args);

    private static void MakeFifo(string path)
    {
        using var process = Process.Start("mkfifo", [path]);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public void A_fifo_named_dll_or_def_and_a_device_link_named_dll_are_refused_by_name()
    {
        using var temp = new TempDirectory();
        var fifoDll = Path.Combine(temp.Path, "pipe.dll");
        MakeFifo(fifoDll);
        var zeroDll = Path.Combine(temp.Path, "zero.dll");
        File.CreateSymbolicLink(zeroDll, "/dev/zero");
        var good = temp.File("no-export.dll", NoExport);

        var report = new ModuleValidator().Run([temp.Path], temp.Path);

        foreach (var special in new[] { fifoDll, zeroDll })
        {
            var notification = Assert.Single(report.Notifications, notification => notification.FilePath == special);
            Assert.Equal("IISM9002", notification.RuleId);
            Assert.Contains("not a regular file", notification.Message);
        }
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM1001" && finding.Location.FilePath == good);
    }

    [Fact]
    public void A_fifo_named_as_the_def_file_of_a_project_is_named_and_does_not_block()
    {
        using var temp = new TempDirectory();
        var source = temp.File("module.cpp", File.ReadAllBytes(Path.Combine(TestPaths.Samples, "cpp", "request-module", "request-module.cpp")));
        MakeFifo(Path.Combine(temp.Path, "module.def"));
        var project = temp.File("module.vcxproj", System.Text.Encoding.UTF8.GetBytes("""
            <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup><ProjectConfiguration Include="Release|x64" /></ItemGroup>
              <ItemDefinitionGroup><Link><ModuleDefinitionFile>module.def</ModuleDefinitionFile></Link></ItemDefinitionGroup>
              <ItemGroup><ClCompile Include="module.cpp" /></ItemGroup>
            </Project>
            """));

        var report = new ModuleValidator().Run([project], temp.Path);

        Assert.Contains(report.Notifications, notification => notification.Message.Contains("module.def") && notification.Message.Contains("not a regular file"));
        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
        Assert.True(File.Exists(source));
    }

    [Fact]
    public void Directory_links_are_not_followed_so_each_dll_is_reported_once()
    {
        using var temp = new TempDirectory();
        var good = temp.File("modules/no-export.dll", NoExport);
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "modules", "loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "modules", "up"), "..");
        temp.File("modules/.hidden/no-export.dll", NoExport);

        var report = new ModuleValidator().Run([temp.Path, Path.Combine(temp.Path, "**", "*.dll")], temp.Path);

        Assert.Equal([good], report.Inputs.Select(input => input.FullPath));
        Assert.Single(report.Findings, finding => finding.RuleId == "IISM1001");
        Assert.Contains(report.SkippedInputs, skipped => skipped.Contains("loop") && skipped.Contains("not followed"));
        Assert.Contains(report.SkippedInputs, skipped => skipped.Contains(".hidden") && skipped.Contains("hidden folder"));
    }

    [Fact]
    public void Output_to_a_device_writes_through_and_leaves_the_device_node()
    {
        using var temp = new TempDirectory();
        var good = temp.File("no-export.dll", NoExport);

        var (exit, _, _) = Cli("check", "--base-dir", temp.Path, "-o", "/dev/null", good);

        Assert.Equal(1, exit);
        Assert.Equal(FileKind.Special, FileStatus.KindOf("/dev/null"));
    }

    [Fact]
    public void Output_onto_an_input_reached_through_a_folder_or_a_link_is_refused_and_the_input_is_intact()
    {
        using var temp = new TempDirectory();
        var input = temp.File("modules/no-export.dll", NoExport);
        var link = Path.Combine(temp.Path, "report.sarif");
        File.CreateSymbolicLink(link, input);

        var throughFolder = Cli("check", "--base-dir", temp.Path, "-o", Path.Combine(temp.Path, "modules", ".", "no-export.dll"), Path.Combine(temp.Path, "modules"));
        var throughLink = Cli("check", "--base-dir", temp.Path, "--format", "sarif", "-o", link, Path.Combine(temp.Path, "**", "*.dll"));

        Assert.Equal(2, throughFolder.Exit);
        Assert.Equal(2, throughLink.Exit);
        Assert.Contains("refusing to overwrite", throughLink.Error);
        Assert.Equal(NoExport, File.ReadAllBytes(input));
    }

    [Theory]
    [InlineData("msbuild")]
    [InlineData("text")]
    public void A_file_name_with_a_newline_and_a_ci_command_cannot_start_a_log_line(string format)
    {
        using var temp = new TempDirectory();
        temp.File("a\n##vso[task.setvariable variable=X]pwn.dll", NoExport);
        temp.File("::error::b.dll", NoExport);

        var (_, output, error) = Cli("check", "--base-dir", temp.Path, "--format", format, temp.Path);

        foreach (var line in (output + error).Split('\n'))
        {
            Assert.DoesNotContain("##vso[", line);
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line);
        }
        Assert.Contains("a\\n##vso%5Btask.setvariable", output);
    }

    [Fact]
    public void An_output_under_a_file_is_refused_before_the_analysis_with_a_clear_error()
    {
        using var temp = new TempDirectory();
        var good = temp.File("no-export.dll", NoExport);
        var (exit, _, error) = Cli("check", "--base-dir", temp.Path, "-o", Path.Combine(good, "cannot", "be", "here.txt"), good);
        Assert.Equal(2, exit);
        Assert.Contains($"cannot be written: '{good}' is a file, not a folder", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_bad_compile_commands_json_names_each_bad_entry_and_analyzes_the_rest()
    {
        using var temp = new TempDirectory();
        var module = TestPaths.MissingHandlerSource;
        var duplicates = string.Join(",", Enumerable.Repeat($$"""{"directory": "", "file": "{{module}}", "arguments": ["cl", "/DX"]}""", 100_000));
        var database = temp.File("compile_commands.json", System.Text.Encoding.UTF8.GetBytes($$"""
            [
              {"directory": "relative/dir", "file": "{{module}}", "arguments": ["cl", "-I"]},
              {"directory": "/", "file": "bad\u0000name.cpp", "arguments": ["cl"]},
              {"directory": "/"},
              {{duplicates}}
            ]
            """));

        var report = new ModuleValidator().Run([database], temp.Path);

        var skipped = report.Notifications.Where(notification => notification.RuleId == "IISM9010").Select(notification => notification.Message).ToList();
        Assert.Contains(skipped, message => message.Contains("'-I' has no folder"));
        Assert.Contains(skipped, message => message.Contains("NUL"));
        Assert.Contains(skipped, message => message.Contains("has no 'file'"));
        Assert.Contains(skipped, message => message.Contains("100,000 more entries") || message.Contains("100000 more entries"));
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001" && finding.Location.FilePath == module);
        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
    }
}
