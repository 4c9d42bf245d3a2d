using System.Text.Json.Nodes;
using IisModuleValidator.Cli;
using NJsonSchema;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// --baseline and --write-baseline: a run compared with a previous run's SARIF fails only on findings the baseline
/// does not hold, lists only those, and marks every SARIF result new, unchanged, updated or absent.
/// </summary>
public sealed class BaselineTests
{
    private static readonly string Base = TestPaths.RepositoryRoot;
    private static readonly string MissingHandler = "samples/bin/x64/missing-handler.dll";
    private static readonly string MixedMasks = "samples/bin/x64/mixed-masks.dll";

    private static (int Exit, string Output, string Error) Run(params string[] args) => CliRun.Run(["check", "--base-dir", Base, .. args]);

    private static List<(string? Rule, string? State)> States(string sarif) =>
        [.. JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray().Select(result => ((string?)result!["ruleId"], (string?)result["baselineState"]))];

    [Fact]
    public void A_run_with_its_own_baseline_passes_and_lists_nothing()
    {
        using var temp = new TempDirectory();
        var baseline = Path.Combine(temp.Path, "baseline.sarif");
        Assert.Equal(1, Run("--write-baseline", baseline, MissingHandler, MixedMasks).Exit);

        var (exit, output, error) = Run("--baseline", baseline, MissingHandler, MixedMasks);

        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Contains("0 error(s), 0 warning(s), 0 note(s); 3 already in the baseline, 0 of its results gone.", error);
    }

    [Fact]
    public void Only_findings_the_baseline_does_not_hold_fail_the_run()
    {
        using var temp = new TempDirectory();
        var baseline = Path.Combine(temp.Path, "baseline.sarif");
        Run("--write-baseline", baseline, MissingHandler);

        var (exit, output, _) = Run("--baseline", baseline, MissingHandler, MixedMasks);
        Assert.Equal(1, exit);
        Assert.All(output.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains("mixed-masks.dll", line));

        var states = States(Run("--baseline", baseline, "-f", "sarif", MissingHandler, MixedMasks).Output);
        Assert.Equal([("IISM2001", "unchanged"), ("IISM2001", "unchanged"), ("IISM2005", "new")], states.Order());
    }

    [Fact]
    public async Task Results_that_are_gone_are_absent_and_the_log_stays_valid_SARIF()
    {
        using var temp = new TempDirectory();
        var baseline = Path.Combine(temp.Path, "baseline.sarif");
        Run("--write-baseline", baseline, MissingHandler, MixedMasks);

        var (exit, sarif, _) = Run("--baseline", baseline, "-f", "sarif", MissingHandler);

        Assert.Equal(0, exit);
        Assert.Equal([("IISM2001", "unchanged"), ("IISM2001", "unchanged"), ("IISM2005", "absent")], States(sarif).Order());
        var absent = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray().First(result => (string?)result!["baselineState"] == "absent")!;
        Assert.Equal("samples/bin/x64/mixed-masks.dll", (string?)absent["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
        var schema = await JsonSchema.FromFileAsync(TestPaths.SarifSchema);
        Assert.Empty(schema.Validate(sarif));
    }

    [Fact]
    public void A_finding_whose_level_changed_is_updated_and_does_not_fail()
    {
        using var temp = new TempDirectory();
        var baseline = Path.Combine(temp.Path, "baseline.sarif");
        Run("--write-baseline", baseline, MissingHandler);

        var (exit, sarif, _) = Run("--baseline", baseline, "--rule", "IISM2001=warning", "--fail-on", "warning", "-f", "sarif", MissingHandler);

        Assert.Equal(0, exit);
        Assert.Equal([("IISM2001", "updated"), ("IISM2001", "updated")], States(sarif));
    }

    [Fact]
    public void A_baseline_that_is_not_SARIF_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        var notSarif = temp.File("baseline.sarif", "{\"version\": \"2.1.0\"}"u8.ToArray());

        var (exit, _, error) = Run("--baseline", notSarif, MissingHandler);

        Assert.Equal(2, exit);
        Assert.Contains("is not a SARIF log", error);
        Assert.Equal(2, Run("--baseline", Path.Combine(temp.Path, "missing.sarif"), MissingHandler).Exit);
    }
}
