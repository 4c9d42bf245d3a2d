using IisModuleValidator.Cli;

namespace IisModuleValidator.Tests.Cli;

/// <summary>The iis-module-validator command, run in-process: exit codes, formats, output files.</summary>
public sealed class CliTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRun.Run(args);

    private static readonly string Base = TestPaths.RepositoryRoot;

    [Fact]
    public void Correct_modules_exit_0_with_no_output()
    {
        var (exit, output, error) = Run("check", "--base-dir", Base, "samples/bin/x*/request-module.dll", "samples/bin/x*/global-module.dll",
            "samples/bin/arm64/request-module.dll", "samples/bin/arm64/global-module.dll");
        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Contains("6 file(s) analyzed, 0 with findings; 0 error(s)", error);
    }

    [Fact]
    public void Verbose_names_the_libclang_and_headers_Cpp_was_parsed_with_and_only_when_there_was_Cpp()
    {
        var (_, _, error) = Run("check", "--verbose", "--base-dir", Base, "samples/cpp/missing-handler");
        Assert.Contains("iis-module-validator: C++ parsed with libclang: ", error);
        Assert.Contains("C++ parsed with Windows SDK headers: ", error);
        Assert.Contains("(um, shared, ucrt, winrt)", error);
        Assert.Contains("C++ parsed with C++ standard library headers: ", error);

        var (_, _, dllOnly) = Run("check", "--verbose", "--base-dir", Base, "samples/bin/x64/request-module.dll");
        Assert.DoesNotContain("C++ parsed with", dllOnly);
    }

    [Fact]
    public void Errors_exit_1_unless_fail_on_is_raised_past_them()
    {
        Assert.Equal(1, Run("check", "--base-dir", Base, "samples/bin/x64/no-export.dll").Exit);
        Assert.Equal(0, Run("check", "--base-dir", Base, "--fail-on", "none", "samples/bin/x64/no-export.dll").Exit);
    }

    [Fact]
    public void A_missing_input_beside_a_correct_one_fails_the_build()
    {
        var (exit, output, _) = Run("check", "--base-dir", Base, "samples/bin/x64/request-module.dll", "samples/bin/x64/typo.dll");
        Assert.Equal(1, exit);
        Assert.Contains("IISM9001: 'samples/bin/x64/typo.dll' does not exist", output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", "--format", "xml", "samples/bin")]
    [InlineData("check", "--no-such-option", "samples/bin")]
    [InlineData("check", "--expect-arch", "mips", "samples/bin")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var (exit, _, error) = Run(args);
        Assert.Equal(2, exit);
        Assert.Contains("--help", error);
    }

    [Fact]
    public void Nothing_analyzable_exits_2()
    {
        Assert.Equal(2, Run("check", "--base-dir", Base, "nowhere/*.dll").Exit);
    }

    [Fact]
    public void Output_file_receives_the_report_and_an_input_is_never_overwritten()
    {
        using var temp = new TempDirectory();
        var input = temp.File("module.dll", File.ReadAllBytes(TestPaths.Sample("x64/no-export.dll")));
        var before = File.ReadAllBytes(input);

        var report = Path.Combine(temp.Path, "out", "report.sarif");
        var (exit, output, _) = Run("check", "--base-dir", temp.Path, "--format", "sarif", "-o", report, input);
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("\"ruleId\": \"IISM1001\"", File.ReadAllText(report));

        var (refused, _, error) = Run("check", "--base-dir", temp.Path, "-o", input, input);
        Assert.Equal(2, refused);
        Assert.Contains("refusing to overwrite", error);
        Assert.Equal(before, File.ReadAllBytes(input));
        Assert.Equal(["report.sarif"], Directory.GetFiles(Path.Combine(temp.Path, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Sarif_output_writes_the_sarif_report_beside_the_chosen_format_and_never_over_an_input()
    {
        using var temp = new TempDirectory();
        var input = temp.File("module.dll", File.ReadAllBytes(TestPaths.Sample("x64/no-export.dll")));
        var before = File.ReadAllBytes(input);
        var sarif = Path.Combine(temp.Path, "iis-modules.sarif");

        var (exit, output, _) = Run("check", "--base-dir", temp.Path, "--format", "msbuild", "--sarif-output", sarif, input);
        var (_, sarifAlone, _) = Run("check", "--base-dir", temp.Path, "--format", "sarif", input);

        Assert.Equal(1, exit);
        Assert.StartsWith("module.dll: error IISM1001", output);
        // The same SARIF as --format sarif prints, but for the arguments its invocation records.
        Assert.Equal(Reporting.SarifChecks.WithoutArguments(sarifAlone), Reporting.SarifChecks.WithoutArguments(File.ReadAllText(sarif)));

        var (refused, _, error) = Run("check", "--base-dir", temp.Path, "--sarif-output", input, input);
        Assert.Equal(2, refused);
        Assert.Contains("--sarif-output", error);
        Assert.Contains("refusing to overwrite", error);
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_refused_before_anything_is_analyzed()
    {
        using var temp = new TempDirectory();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (exit, output, error) = Run("check", "--base-dir", Base, "samples/cpp", "-o", temp.Path);
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains($"--output '{temp.Path}' is a folder", error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}: the C++ samples were analyzed first");
        var file = temp.File("a-file", []);
        var (underAFile, _, why) = Run("check", "--base-dir", Base, "samples/bin", "--sarif-output", Path.Combine(file, "r.sarif"));
        Assert.Equal(2, underAFile);
        Assert.Contains("is a file, not a folder", why);
    }

    [Fact]
    public void A_mistyped_command_gets_a_suggestion_and_values_are_taken_in_any_case()
    {
        var (exit, _, error) = Run("chek", "samples/bin");
        Assert.Equal(2, exit);
        Assert.Contains("did you mean 'check'?", error);
        Assert.DoesNotContain("did you mean", Run("frobnicate").Error);

        var (sarifExit, sarif, _) = Run("check", "--base-dir", Base, "--format", "SARIF", "--expect-arch", "X64", "samples/bin/x64/request-module.dll");
        Assert.Equal(0, sarifExit);
        Assert.StartsWith("{", sarif);
    }

    [Fact]
    public void Help_names_what_each_option_takes()
    {
        var help = Run("check", "--help").Output;
        foreach (var placeholder in new[] { "-o, --output <file>", "--rule <IISMnnnn=level>", "--root <DRIVE=DIR>", "--env <NAME=VALUE>", "--exclude <glob>", "--base-dir <dir>" })
        {
            Assert.Contains(placeholder, help);
        }
        Assert.Contains("CMake trees", help);
        Assert.Contains("IIS configurations", help);
    }

    [Fact]
    public void List_rules_shows_every_rule_and_one_rules_help()
    {
        var (exit, output, _) = Run("list-rules");
        Assert.Equal(0, exit);
        Assert.All(IisModuleValidator.Catalog.RuleCatalog.Default.All, rule => Assert.Contains(rule.Id, output));

        var help = Run("list-rules", "--rule", "iism1002");
        Assert.Equal(0, help.Exit);
        Assert.Contains("_RegisterModule@12", help.Output);
        Assert.Equal(2, Run("list-rules", "--rule", "IISM0000").Exit);
    }

    [Fact]
    public void Inspect_shows_machine_exports_imports_and_findings()
    {
        var (exit, output, _) = Run("inspect", TestPaths.Sample("x86/dllexport-module.dll"));
        Assert.Equal(0, exit);
        Assert.Contains("machine:   x86 (0x014C), PE32", output);
        Assert.Contains("_RegisterModule@12", output);
        Assert.Contains("kernel32.dll: DebugBreak", output);
        Assert.Contains("error IISM1002", output);
        Assert.Equal(2, Run("inspect", "missing.dll").Exit);
    }

    [Fact]
    public void Require_recovery_fails_a_dll_whose_registrations_were_not_recovered()
    {
        // split-module's mask is computed at run time: recovered as unknown, an IISM9009 note.
        var lenient = Run("check", "--base-dir", Base, "--format", "sarif", "samples/bin/x64/split-module.dll");
        var strict = Run("check", "--base-dir", Base, "--require-recovery", "samples/bin/x64/split-module.dll");

        Assert.Equal(0, lenient.Exit);
        Assert.Contains("\"level\": \"note\"", lenient.Output);
        Assert.Equal(1, strict.Exit);
        Assert.Contains("error IISM9009", strict.Output);
    }

    [Fact]
    public void Require_recovery_passes_on_every_arm64_sample_and_fails_the_hybrid_code_it_cannot_follow()
    {
        // Every ARM64 module is recovered whole: its findings are the defects the samples have, no IISM9009.
        var arm64 = Run("check", "--base-dir", Base, "--require-recovery", "--format", "msbuild", "samples/bin/arm64");
        Assert.Contains("error IISM2001", arm64.Output);
        Assert.DoesNotContain("IISM9009", arm64.Output);
        Assert.Equal(0, Run("check", "--base-dir", Base, "--require-recovery", "samples/bin/arm64/request-module.dll", "samples/bin/arm64/split-module.dll").Exit);

        // ARM64EC code, and the ARM64EC half of an ARM64X image, are not recovered: proof demanded, proof missing.
        var hybrid = Run("check", "--base-dir", Base, "--require-recovery", "samples/bin/arm64ec/request-module.dll", "samples/bin/arm64x/request-module.dll");
        Assert.Equal(1, hybrid.Exit);
        Assert.Contains("samples/bin/arm64ec/request-module.dll: error IISM9009", hybrid.Output);
        Assert.Contains("samples/bin/arm64x/request-module.dll: error IISM9009", hybrid.Output);
    }
}
