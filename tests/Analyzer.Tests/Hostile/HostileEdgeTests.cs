using System.Diagnostics;
using System.Text;
using IisModuleValidator.Analysis;
using IisModuleValidator.Tests.Cli;

namespace IisModuleValidator.Tests.Hostile;

/// <summary>
/// The smaller edges of hostile input: configuration that costs minutes, a source just over the cap, kernel files, an
/// assets file that names a FIFO, IIS configurations that point at "/" or climb out of --root, an error quoted from a
/// file outside the tree, and control characters in the annotation formats. Each beside a good module, each ends in a
/// report with the documented exit code.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class HostileEdgeTests
{
    private static readonly string MissingHandler = TestPaths.MissingHandlerSource;
    private static readonly string MissingHandlerDll = TestPaths.Sample("x64/missing-handler.dll");

    private static void AssertGoodModuleReported(AnalysisReport report, string? path = null) =>
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001" && finding.Location.FilePath == (path ?? MissingHandler));

    [Fact]
    public void An_editorconfig_of_300000_glob_sections_above_a_dll_costs_seconds_and_its_iism_options_still_apply()
    {
        using var temp = new TempDirectory();
        var text = new StringBuilder("root = true\n\n[*.dll]\ndotnet_diagnostic.IISM2001.severity = warning\n\n");
        for (var i = 0; i < 300_000; i++)
        {
            text.Append($"[{{src,lib,x{i}}}/**/{{a,b,c}}{{1..{i % 50 + 2}}}*.{{cpp,h,dll}}]\nindent_style = space\nmax_line_length = {i}\n\n");
        }
        temp.File(".editorconfig", Encoding.UTF8.GetBytes(text.ToString()));
        var dll = temp.File("missing-handler.dll", File.ReadAllBytes(MissingHandlerDll));

        var clock = Stopwatch.StartNew();
        var (exit, output, _) = CliRun.Run("check", dll, "--base-dir", temp.Path, "--fail-on", "error");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal(0, exit); // IISM2001 is a warning here, below --fail-on error
        Assert.Contains("warning IISM2001", output);
    }

    [Fact]
    public void A_module_source_just_over_the_cap_is_named_not_passed_as_ok()
    {
        using var temp = new TempDirectory();
        var big = new StringBuilder("// CHttpModule of this project\n");
        while (big.Length <= Io.SafeFile.MaxTextBytes)
        {
            big.Append("// padding padding padding padding padding padding padding padding padding padding\n");
        }
        temp.File("module/huge.cpp", Encoding.UTF8.GetBytes(big.ToString()));

        var report = new ModuleValidator().Run([Path.Combine(temp.Path, "module"), MissingHandler], temp.Path);

        Assert.Contains(report.Notifications, notification => notification.Message.Contains("huge.cpp") && notification.Message.Contains("MiB the validator reads"));
        AssertGoodModuleReported(report);
    }

    [Fact]
    public void The_text_format_lists_a_projects_findings_in_its_sources_under_the_project()
    {
        var project = Path.Combine(TestPaths.Samples, "cpp", "missing-handler", "missing-handler.vcxproj");

        var (exit, output, _) = CliRun.Run("check", project, "--format", "text", "--base-dir", TestPaths.RepositoryRoot);

        Assert.Equal(1, exit);
        Assert.DoesNotContain("missing-handler.vcxproj: ok", output);
        Assert.Contains("IISM2001 A registered notification has no overriding handler (samples/cpp/missing-handler/missing-handler.cpp, line 36)", output);
    }

    [Fact]
    public void Kernel_pseudo_files_are_not_read()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        var report = new ModuleValidator().Run(["/proc/self/environ", "/proc/self/status", MissingHandlerDll], TestPaths.RepositoryRoot);

        Assert.All(new[] { "/proc/self/environ", "/proc/self/status" }, path =>
            Assert.Contains(report.Notifications, notification => notification.FilePath == path && notification.RuleId == "IISM9002" && notification.Message.Contains("kernel pseudo-file")));
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001" && finding.Location.FilePath == MissingHandlerDll);
    }

    [Fact]
    public void A_fifo_named_as_a_compile_assembly_of_a_package_is_skipped_and_the_project_analyzed()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var temp = new TempDirectory();
        var csharpSamples = Path.Combine(TestPaths.Samples, "csharp");
        temp.CopyFiles(Path.Combine(csharpSamples, "missing-slot"), "", "*.cs");
        temp.CopyFiles(Path.Combine(csharpSamples, "Interop"), "", "*.cs");
        var project = temp.File("module.csproj", Encoding.UTF8.GetBytes("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup>
              <ItemGroup><PackageReference Include="Evil" Version="1.0.0" /></ItemGroup>
            </Project>
            """));
        var packages = Path.Combine(temp.Path, "packages");
        Directory.CreateDirectory(Path.Combine(packages, "evil", "1.0.0", "lib", "net10.0"));
        Process.Start("mkfifo", [Path.Combine(packages, "evil", "1.0.0", "lib", "net10.0", "Evil.dll")])!.WaitForExit();
        temp.File("obj/project.assets.json", Encoding.UTF8.GetBytes($$"""
            { "version": 3,
              "targets": { "net10.0": { "Evil/1.0.0": { "type": "package", "compile": { "lib/net10.0/Evil.dll": {} } } } },
              "libraries": { "Evil/1.0.0": { "type": "package", "path": "evil/1.0.0" } },
              "packageFolders": { "{{packages}}/": {} } }
            """));

        var clock = Stopwatch.StartNew();
        var report = new ModuleValidator().Run([project], temp.Path);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001");
        Assert.Contains(report.Notifications, notification => notification.Message.Contains("Evil.dll") && notification.Message.Contains("not a regular file"));
    }

    [Fact]
    public void A_site_at_the_root_and_an_image_that_climbs_out_of_root_end_in_findings_not_a_crash()
    {
        using var temp = new TempDirectory();
        var server = Directory.CreateDirectory(Path.Combine(temp.Path, "server")).FullName;
        var config = temp.File("applicationHost.config", Encoding.UTF8.GetBytes("""
            <configuration>
              <system.applicationHost>
                <applicationPools><add name="P" /></applicationPools>
                <sites><site name="S" id="1"><application path="/" applicationPool="P"><virtualDirectory path="/" physicalPath="C:\" /></application></site></sites>
              </system.applicationHost>
              <system.webServer><globalModules><add name="M" image="C:\..\..\..\..\etc\passwd" /></globalModules></system.webServer>
            </configuration>
            """));

        var report = new ModuleValidator().Run([config, MissingHandler], temp.Path,
            new AnalysisOptions(ServerPaths: new FrontEnds.IisConfig.OfflinePaths(new Dictionary<string, string> { ["C"] = server }, new Dictionary<string, string>())));

        var missing = Assert.Single(report.Findings, finding => finding.RuleId == "IISM6001");
        Assert.Contains(Path.Combine(server, "etc", "passwd"), missing.Message); // '..' stops at the drive's root, as on Windows
        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
        AssertGoodModuleReported(report);
    }

    [Fact]
    public void An_error_in_a_file_outside_the_tree_is_placed_not_quoted()
    {
        using var temp = new TempDirectory();
        temp.File("outside/secret.h", Encoding.UTF8.GetBytes("ghp_FirstTokenOfASecretFile and more\n"));
        var unit = temp.File("tree/module.cpp", Encoding.UTF8.GetBytes("// CHttpModule of this project\n#include \"../outside/secret.h\"\nint x;\n"));

        var report = new ModuleValidator().Run([unit, MissingHandler], temp.Path);

        var degraded = Assert.Single(report.Notifications, notification => notification.FilePath == unit && notification.RuleId == "IISM9005");
        Assert.Contains("secret.h", degraded.Message);
        Assert.DoesNotContain("ghp_", degraded.Message);
        AssertGoodModuleReported(report);
    }

    [Theory]
    [InlineData("github")]
    [InlineData("azdo")]
    public void Tab_and_escape_in_a_file_name_reach_the_annotation_formats_escaped(string format)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var temp = new TempDirectory();
        var dll = temp.File("a\tb\u001b[31mred.dll", File.ReadAllBytes(MissingHandlerDll));

        var (exit, output, _) = CliRun.Run("check", dll, "--format", format, "--base-dir", temp.Path);

        Assert.Equal(1, exit);
        Assert.DoesNotContain('\t', output);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("a\\tb\\x1B[31mred.dll", output);
    }
}
