using System.Text;
using IisModuleValidator.Cli;
using IisModuleValidator.Tests.Reporting;
using NJsonSchema;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// iis-module-validator.json changes a run exactly as the same options on the command line do; the command line
/// overrides it; a bad file fails the run with every problem named; the shipped schema agrees with the loader.
/// </summary>
public sealed class ConfigFileTests
{
    private static readonly string SchemaPath = Path.Combine(AppContext.BaseDirectory, ConfigFile.SchemaFileName);

    /// <summary>A repository: two module DLLs of its own and a vendored one (no RegisterModule at all) under out/.</summary>
    private static TempDirectory Repository()
    {
        var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
        temp.File("out/x64/missing-handler.dll", File.ReadAllBytes(TestPaths.Sample("x64/missing-handler.dll")));
        temp.File("out/x64/unregistered-handler.dll", File.ReadAllBytes(TestPaths.Sample("x64/unregistered-handler.dll")));
        temp.File("out/x64/thirdparty/vendor.dll", File.ReadAllBytes(TestPaths.Sample("x64/no-export.dll")));
        return temp;
    }

    private const string TeamConfig = """
        {
          "$schema": "./iis-module-validator.schema.json",
          // What the team checks, and what is not theirs.
          "inputs": ["out/**/*.dll"],
          "exclude": ["**/thirdparty/**"],
          "rules": { "IISM20*": "warning", "IISM2003": "note" },
          "failOn": "warning",
          "expectArch": "x64"
        }
        """;

    [Fact]
    public void A_configuration_file_changes_a_run_as_the_same_options_on_the_command_line_do()
    {
        using var temp = Repository();
        temp.File(ConfigFile.FileName, Encoding.UTF8.GetBytes(TeamConfig));
        string[] sameOnTheCommandLine = ["--no-config", "out/**/*.dll", "--exclude", "**/thirdparty/**", "--rule", "IISM20*=warning", "--rule", "IISM2003=note",
            "--fail-on", "warning", "--expect-arch", "x64"];

        foreach (var format in new[] { "msbuild", "sarif" })
        {
            var fromFile = CliRun.Run("check", "--base-dir", temp.Path, "--format", format, "--verbose");
            var fromOptions = CliRun.Run(["check", "--base-dir", temp.Path, "--format", format, "--verbose", .. sameOnTheCommandLine]);
            Assert.Equal(1, fromFile.Exit); // IISM2001 lowered to a warning still fails at --fail-on warning
            Assert.Equal(fromOptions.Exit, fromFile.Exit);
            Assert.Equal(format == "sarif" ? SarifChecks.WithoutArguments(fromOptions.Output) : fromOptions.Output,
                format == "sarif" ? SarifChecks.WithoutArguments(fromFile.Output) : fromFile.Output);
            Assert.Contains($"settings from the configuration file {Path.Combine(temp.Path, ConfigFile.FileName)}", fromFile.Error);
            Assert.Contains("vendor.dll: excluded by --exclude '**/thirdparty/**'", fromOptions.Error);
            Assert.Contains($"vendor.dll: excluded by {Path.Combine(temp.Path, ConfigFile.FileName)} '**/thirdparty/**'", fromFile.Error);
        }
        var msbuild = CliRun.Run("check", "--base-dir", temp.Path).Output;
        Assert.Contains("warning IISM2001", msbuild);
        Assert.Contains("note IISM2003", msbuild);
        Assert.DoesNotContain("vendor.dll", msbuild);
        Assert.DoesNotContain("error", msbuild);
    }

    [Fact]
    public void The_command_line_overrides_the_file_and_the_file_is_found_above_the_run_up_to_the_repository_top()
    {
        using var temp = Repository();
        temp.File(ConfigFile.FileName, Encoding.UTF8.GetBytes(TeamConfig));
        var below = Path.Combine(temp.Path, "out");

        // Found from a folder below it; its inputs stay relative to its own folder.
        Assert.Equal(1, CliRun.Run("check", "--base-dir", below).Exit);
        Assert.Equal(0, CliRun.Run("check", "--base-dir", below, "--fail-on", "none").Exit);
        var raised = CliRun.Run("check", "--base-dir", temp.Path, "--rule", "IISM2001=error").Output;
        Assert.Contains("error IISM2001", raised);
        // Inputs on the command line replace the file's; its excludes still apply.
        var named = CliRun.Run("check", "--base-dir", temp.Path, "out/x64/thirdparty/vendor.dll");
        Assert.Equal(2, named.Exit); // the only input is excluded: nothing was analyzed
        Assert.Contains("no input", CliRun.Run("check", "--base-dir", temp.Path, "--no-config").Error);

        // Not above the repository's top: a file beside .git's parent is someone else's.
        using var outer = new TempDirectory();
        outer.File(ConfigFile.FileName, Encoding.UTF8.GetBytes("""{ "failOn": "none" }"""));
        outer.File("repo/.git/HEAD", "ref: refs/heads/main\n"u8.ToArray());
        outer.File("repo/module.dll", File.ReadAllBytes(TestPaths.Sample("x64/no-export.dll")));
        Assert.Equal(1, CliRun.Run("check", "--base-dir", Path.Combine(outer.Path, "repo"), "module.dll").Exit);
        Assert.Equal(0, CliRun.Run("check", "--base-dir", Path.Combine(outer.Path, "repo"), "--config", Path.Combine(outer.Path, ConfigFile.FileName), "module.dll").Exit);
    }

    [Fact]
    public async Task A_bad_file_fails_the_run_naming_every_problem_and_the_schema_rejects_it_too()
    {
        using var temp = Repository();
        const string bad = """{ "inputs": "out", "rule": {}, "rules": { "IISM99*": "none", "IISM2001": "loud" }, "failOn": "sometimes", "requireRecovery": "yes" }""";
        temp.File(ConfigFile.FileName, Encoding.UTF8.GetBytes(bad));

        var (exit, output, error) = CliRun.Run("check", "--base-dir", temp.Path, "out");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        foreach (var problem in new[] { "'rule' is not a property", "'inputs' must be an array", "rules.IISM99*: 'IISM99*' matches no rule", "rules.IISM2001: 'loud' is not a level",
                     "'failOn' must be one of", "'requireRecovery' must be true or false" })
        {
            Assert.Contains(problem, error);
        }
        Assert.Contains("not JSON", CliRun.Run("check", "--base-dir", temp.Path, "--config", temp.File("broken.json", "{ \"inputs\": ["u8.ToArray()), "out").Error);

        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        Assert.NotEmpty(schema.Validate(bad));
        Assert.Empty(schema.Validate(string.Join('\n', TeamConfig.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)))));
    }

    [Theory]
    [InlineData("IISM6*", "IISM6001 IISM6002 IISM6003 IISM6004 IISM6005 IISM6006 IISM6007 IISM6008")]
    [InlineData("iism100?", "IISM1001 IISM1002 IISM1003 IISM1004 IISM1005 IISM1006")]
    [InlineData("IISM2003", "IISM2003")]
    public void Rule_patterns_name_the_catalog_ids_they_match(string pattern, string ids)
    {
        Assert.Equal(ids, string.Join(' ', RuleLevelSetting.Ids(pattern).Ids));
    }

    [Theory]
    [InlineData("IISM2001", "has no '='")]
    [InlineData("IISM99*=none", "matches no rule")]
    [InlineData("IISM2001=loud", "'loud' is not a level")]
    [InlineData("IISM-2001=none", "is not a rule id or a pattern")]
    public void A_bad_rule_setting_says_which_part_is_wrong(string setting, string why)
    {
        var (exit, _, error) = CliRun.Run("check", "--no-config", "--rule", setting, "samples/bin");
        Assert.Equal(2, exit);
        Assert.Contains(why, error);
    }
}
