using System.Text.Json.Nodes;
using IisModuleValidator.Cli;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// One configuration for the command line, the build and the IDE: dotnet_diagnostic.IISMnnnn.severity in the
/// .editorconfig and .globalconfig files above the inputs sets a rule's level for binaries and C++ as it does for C#,
/// `--rule IISMnnnn=level` overrides both, and the level applied is the one SARIF and the exit code see.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class RuleSeverityTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRun.Run(args);

    /// <summary>missing-handler.dll (two IISM2001 errors) copied into a temporary folder, with configuration files beside it.</summary>
    private static string MissingHandler(TempDirectory temp, params (string Name, string Text)[] configs)
    {
        foreach (var (name, text) in configs)
        {
            temp.File(name, System.Text.Encoding.UTF8.GetBytes(text));
        }
        var dll = Path.Combine(temp.Path, "modules", "missing-handler.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        File.Copy(TestPaths.Sample("x64/missing-handler.dll"), dll);
        return dll;
    }

    private static List<string?> SarifLevels(string output) =>
        [.. JsonNode.Parse(output)!["runs"]![0]!["results"]!.AsArray().Select(result => (string?)result!["level"])];

    [Fact]
    public void A_rule_option_sets_the_level_that_SARIF_and_the_exit_code_see()
    {
        using var temp = new TempDirectory();
        var dll = MissingHandler(temp);

        var (exit, output, _) = Run("check", "--base-dir", temp.Path, "-f", "sarif", "--rule", "IISM2001=warning", dll);

        Assert.Equal(0, exit); // --fail-on error: warnings pass
        Assert.Equal(["warning", "warning"], SarifLevels(output));
        Assert.Equal(1, Run("check", "--base-dir", temp.Path, dll).Exit);
    }

    [Fact]
    public void A_globalconfig_above_a_DLL_turns_a_rule_off()
    {
        using var temp = new TempDirectory();
        var dll = MissingHandler(temp, (".globalconfig", "is_global = true\ndotnet_diagnostic.IISM2001.severity = none\n"));

        var (exit, output, _) = Run("check", "--base-dir", temp.Path, "-f", "sarif", dll);

        Assert.Equal(0, exit);
        Assert.Empty(SarifLevels(output));
    }

    [Fact]
    public void An_editorconfig_section_sets_the_level_and_the_rule_option_wins()
    {
        using var temp = new TempDirectory();
        var dll = MissingHandler(temp, (".editorconfig", "root = true\n\n[*.dll]\ndotnet_diagnostic.IISM2001.severity = suggestion\n"));

        Assert.Equal(["note", "note"], SarifLevels(Run("check", "--base-dir", temp.Path, "-f", "sarif", dll).Output));
        Assert.Equal(["error", "error"], SarifLevels(Run("check", "--base-dir", temp.Path, "-f", "sarif", "--rule", "IISM2001=error", dll).Output));
    }

    [Fact]
    public void An_editorconfig_raises_a_CPlusPlus_finding_to_an_error()
    {
        using var temp = new TempDirectory();
        temp.File(".editorconfig", "[*.cpp]\ndotnet_diagnostic.IISM2003.severity = error\n"u8.ToArray());
        var file = Cpp.SampleSourceCopy.Make(temp, "unregistered-handler", "unregistered-handler.cpp");

        var (exit, output, _) = Run("check", "--base-dir", temp.Path, "-f", "sarif", file);

        Assert.Equal(1, exit);
        Assert.Equal(["error", "error"], SarifLevels(output));
    }

    [Theory]
    [InlineData("IISM2001")]
    [InlineData("IISM2001=fatal")]
    [InlineData("IISM0000=error")]
    public void A_malformed_rule_option_is_a_usage_error(string setting)
    {
        var (exit, _, error) = Run("check", "--rule", setting, TestPaths.Sample("x64/request-module.dll"));

        Assert.Equal(2, exit);
        Assert.Contains(setting, error);
    }
}
