using System.Text.Json.Nodes;
using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Cli;
using IisModuleValidator.Reporting;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// iism-suppress comments in C++ sources: a finding accepted with a justification stays in SARIF as suppressed in
/// source and leaves the line formats, the counts and the exit code; a comment without a justification suppresses
/// nothing and says so (IISM9011).
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class SuppressionTests
{
    private static readonly string Sample = Path.Combine(TestPaths.Samples, "cpp", "suppressed-module", "suppressed-module.vcxproj");

    /// <summary>unregistered-handler.cpp (two IISM2003), in a temporary folder, with one line changed.</summary>
    private static string UnregisteredHandler(TempDirectory temp, string find, string replace) =>
        SampleSourceCopy.Make(temp, "unregistered-handler", "unregistered-handler.cpp", find, replace);

    [Fact]
    public void Suppressed_findings_stay_in_SARIF_with_their_justification()
    {
        var report = new ModuleValidator().Run([Sample], TestPaths.RepositoryRoot);
        var writer = new StringWriter();
        new SarifReporter(RuleCatalog.Default, [.. RuleSet.All.Select(rule => rule.Id)]).Write(report, writer);
        Reporting.SarifChecks.Valid(writer.ToString());

        var results = JsonNode.Parse(writer.ToString())!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(3, results.Count);
        var suppressed = results.Where(result => result!["suppressions"] is not null).ToList();
        Assert.Equal(2, suppressed.Count);
        var justifications = suppressed.Select(result => result!["suppressions"]![0]!).ToList();
        Assert.All(justifications, suppression => Assert.Equal("inSource", (string?)suppression!["kind"]));
        Assert.Equal(
            ["OnEndRequest is registered by the cache-warming build only (see RegisterModule)",
             "kept for the ARR front end, which sends the post notification on its own servers"],
            justifications.Select(suppression => (string?)suppression!["justification"]));
        // Where the comment is: the line before the handler.
        Assert.Equal([18, 27], justifications.Select(suppression => (int)suppression!["location"]!["physicalLocation"]!["region"]!["startLine"]!));
    }

    [Fact]
    public void The_line_formats_and_the_exit_code_leave_suppressed_findings_out()
    {
        var (exit, output, error) = Tests.Cli.CliRun.Run("check", "--base-dir", TestPaths.RepositoryRoot, "--fail-on", "warning", Sample);

        Assert.Equal(CommandLine.FindingsAtOrAboveThreshold, exit); // OnLogRequest is not suppressed
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("IISM2003", line);
        Assert.Contains("OnLogRequest", line);
        Assert.Contains("0 error(s), 1 warning(s), 0 note(s); 2 suppressed in source.", error);
    }

    [Fact]
    public void A_comment_on_the_class_suppresses_the_rule_for_its_handlers()
    {
        using var temp = new TempDirectory();
        var file = UnregisteredHandler(temp, "class CTimingModule : public CHttpModule",
            "// Both handlers are for the IIS 7.0 pipeline; 7.5 and later register them in the derived module.\n"
            + "// iism-suppress IISM2003: registered by CTimingModule75\nclass CTimingModule : public CHttpModule");

        var report = new ModuleValidator().Run([file], temp.Path);

        Assert.Equal(2, report.Findings.Count(finding => finding.RuleId == "IISM2003"));
        Assert.All(report.Findings, finding => Assert.Equal("registered by CTimingModule75", finding.Suppression?.Justification));
        Assert.False(report.HasAtOrAbove(RuleLevel.Note));
    }

    [Theory]
    [InlineData("// iism-suppress IISM2003", "gives no justification for IISM2003")]
    [InlineData("// iism-suppress IISM2003:   ", "gives no justification for IISM2003")]
    [InlineData("// iism-suppress: noisy", "names no rule id")]
    public void A_comment_without_a_justification_or_a_rule_suppresses_nothing(string comment, string reason)
    {
        using var temp = new TempDirectory();
        var file = UnregisteredHandler(temp, "class CTimingModule : public CHttpModule", comment + "\nclass CTimingModule : public CHttpModule");

        var report = new ModuleValidator().Run([file], temp.Path);

        Assert.Equal(2, report.Active.Count(finding => finding.RuleId == "IISM2003"));
        var notification = Assert.Single(report.Notifications, notification => notification.RuleId == ToolNotificationIds.SuppressionIgnored);
        Assert.Equal(file, notification.FilePath);
        Assert.Contains("on line 5 ", notification.Message);
        Assert.Contains(reason, notification.Message);
    }

    [Fact]
    public void A_comment_for_another_rule_does_not_suppress()
    {
        using var temp = new TempDirectory();
        var file = UnregisteredHandler(temp, "class CTimingModule : public CHttpModule", "// iism-suppress IISM2001, IISM2002: not this one\nclass CTimingModule : public CHttpModule");

        Assert.Equal(2, new ModuleValidator().Run([file], temp.Path).Active.Count(finding => finding.RuleId == "IISM2003"));
    }
}
