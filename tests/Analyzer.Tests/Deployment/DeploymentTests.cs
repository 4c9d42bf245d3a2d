using System.Text.Json.Nodes;
using IisModuleValidator.Tests.Cli;
using IisModuleValidator.Tests.Cpp;

namespace IisModuleValidator.Tests.Deployment;

/// <summary>
/// The deployment check on samples/deploy: an applicationHost.config and the web.config of a site, checked offline with
/// the server's drive mapped to samples/deploy/server (--root C=…, --env SystemDrive=C:), against the module DLLs they
/// load. Every 6xxx rule fires at its marked line of the broken configuration and nothing fires on the correct one.
/// </summary>
public sealed class DeploymentTests
{
    private static readonly string Deploy = Path.Combine(TestPaths.Samples, "deploy");

    private static (int Exit, string Output, string Error) Check(params string[] args) =>
        CliRun.Run(["check", "--base-dir", TestPaths.Samples, "--root", $"C={Path.Combine(Deploy, "server")}", "--env", "SystemDrive=C:", .. args]);

    private static string Broken => Path.Combine(Deploy, "broken", "applicationHost.config");

    private static string ShopWebConfig => Path.Combine(Deploy, "server", "inetpub", "shop", "web.config");

    [Fact]
    public void Every_rule_fires_at_its_marked_line_of_the_broken_configuration()
    {
        var report = new Analysis.ModuleValidator().Run([Broken, ShopWebConfig], TestPaths.Samples, new Analysis.AnalysisOptions(
            ServerPaths: new FrontEnds.IisConfig.OfflinePaths(new Dictionary<string, string> { ["C"] = Path.Combine(Deploy, "server") },
                new Dictionary<string, string> { ["SystemDrive"] = "C:" })));
        var expected = SourceExpectations.For(Path.Combine(Deploy, "broken")).Concat(SourceExpectations.For(Path.GetDirectoryName(ShopWebConfig)!))
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, SourceExpectations.Keys(report.Findings));
        var ids = report.Findings.Select(finding => finding.RuleId).ToHashSet();
        Assert.All(Rules.RuleSet.All.Select(rule => rule.Id).Where(id => id.StartsWith("IISM6", StringComparison.Ordinal)), id => Assert.Contains(id, ids));
        Assert.Equal(2, report.AnalyzedCount);
    }

    [Fact]
    public void A_configuration_named_otherwise_is_read_by_its_content_and_a_folder_walk_takes_none()
    {
        using var temp = new TempDirectory();
        // A staged copy of the server's configuration, and a site's under a transform's name: the same findings, at the copies.
        var staged = temp.File("applicationHost.staging.config", File.ReadAllBytes(Broken));
        var site = temp.File("Web.Shop.config", File.ReadAllBytes(ShopWebConfig));
        var (exit, output, _) = Check(staged, site);
        var (_, original, _) = Check(Broken, ShopWebConfig);
        Assert.Equal(1, exit);
        static IEnumerable<string> Rules(string lines) =>
            lines.Split('\n').Where(line => line.Contains(": error IISM6", StringComparison.Ordinal) || line.Contains(": warning IISM6", StringComparison.Ordinal))
                .Select(line => line[line.IndexOf(": ", StringComparison.Ordinal)..]).Order(StringComparer.Ordinal);
        Assert.Equal(Rules(original).Select(line => line.Replace("web.config", "Web.Shop.config", StringComparison.Ordinal)),
            Rules(output).Select(line => line.Replace("web.config", "Web.Shop.config", StringComparison.Ordinal)));
        Assert.NotEmpty(Rules(output));

        // Not an IIS configuration at all: said, not read as a PE image.
        var other = temp.File("settings.config", "<settings><add key=\"a\" /></settings>"u8.ToArray());
        Assert.Contains("the root element is <settings>, not <configuration>", Check(other).Output);
        // A folder walk takes DLLs and projects, never configurations.
        Assert.DoesNotContain("IISM6", Check(Path.Combine(Deploy, "broken")).Output);
    }

    [Fact]
    public void The_correct_configuration_has_no_finding_and_says_what_it_could_not_resolve()
    {
        var (exit, output, error) = Check(Path.Combine(Deploy, "good", "applicationHost.config"), Path.Combine(Deploy, "server", "inetpub", "wwwroot", "web.config"));
        Assert.Equal(0, exit);
        // IIS's own modules live under %windir%, which this run does not map: a note each, never "missing".
        Assert.Equal(2, output.Split('\n').Count(line => line.Contains("note IISM9012", StringComparison.Ordinal) && line.Contains("%windir% is not set", StringComparison.Ordinal)));
        Assert.DoesNotContain("IISM6", output);
        Assert.Contains("2 file(s) analyzed, 0 with findings; 0 error(s)", error);
    }

    [Fact]
    public void Sarif_points_at_the_config_line_with_the_dll_as_related_location()
    {
        var (_, output, _) = Check(Broken, ShopWebConfig, "--format", "sarif");
        var results = JsonNode.Parse(output)!["runs"]![0]!["results"]!.AsArray();
        var bitness = results.First(result => (string?)result!["ruleId"] == "IISM6003" && ((string?)result["message"]!["text"])!.Contains("'ContosoRequestModule'"))!;
        var location = bitness["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("deploy/broken/applicationHost.config", (string?)location["artifactLocation"]!["uri"]);
        Assert.Equal(34, (int)location["region"]!["startLine"]!);
        var related = bitness["relatedLocations"]![0]!["physicalLocation"]!["artifactLocation"]!;
        Assert.Equal("deploy/server/inetpub/modules/x64/request-module.dll", (string?)related["uri"]);
    }

    [Fact]
    public void Without_the_drive_mapped_nothing_is_called_missing()
    {
        var (_, output, _) = CliRun.Run(["check", "--base-dir", TestPaths.Samples, Broken]);
        Assert.DoesNotContain("IISM6001", output);
        Assert.Contains("is on drive C: of the server: pass --root C=DIR with a copy of it", output);
        // What needs no file still holds: the duplicate name and the undefined precondition.
        Assert.Contains("error IISM6004", output);
        Assert.Contains("warning IISM6006", output);
    }

    [Fact]
    public void The_web_config_in_a_site_folder_counts_without_being_named()
    {
        var (_, output, _) = Check(Broken);
        Assert.Contains("deploy/server/inetpub/shop/web.config(6,14): error IISM6005: 'ContosoRequestModul' is added to <modules> at 'Shop'", output);
    }

    [Fact]
    public void A_web_config_in_a_subfolder_applies_at_its_url_below_the_site()
    {
        using var temp = new TempDirectory();
        temp.CopyFiles(Path.Combine(Deploy, "broken"), "broken");
        temp.CopyFiles(Path.Combine(Deploy, "server", "inetpub", "shop"), "server/inetpub/shop");
        temp.File("server/inetpub/shop/admin/web.config", System.Text.Encoding.UTF8.GetBytes("""
            <configuration>
              <system.webServer>
                <modules>
                  <add name="ContosoAdminAudit" />
                </modules>
              </system.webServer>
            </configuration>
            """));
        var (_, output, _) = CliRun.Run(["check", "--base-dir", temp.Path, "--root", $"C={Path.Combine(temp.Path, "server")}", "--env", "SystemDrive=C:",
            Path.Combine(temp.Path, "broken", "applicationHost.config")]);
        Assert.Contains("server/inetpub/shop/admin/web.config(4,8): error IISM6005: 'ContosoAdminAudit' is added to <modules> at 'Shop/admin'", output);
        Assert.Contains("server/inetpub/shop/web.config(6,14): error IISM6005: 'ContosoRequestModul' is added to <modules> at 'Shop'", output);
    }

    [Theory]
    [InlineData("--root", "C")]
    [InlineData("--env", "windir")]
    public void A_mapping_without_a_value_is_a_usage_error(string option, string value)
    {
        Assert.Equal(2, CliRun.Run(["check", Broken, option, value]).Exit);
    }

    [Fact]
    public void A_configuration_with_a_DTD_is_refused_and_the_other_inputs_are_still_checked()
    {
        using var temp = new TempDirectory();
        var hostile = temp.File("applicationHost.config", System.Text.Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\"?><!DOCTYPE configuration [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><configuration>&x;</configuration>"));
        var (exit, output, _) = CliRun.Run(["check", hostile, TestPaths.Sample("x64/missing-handler.dll")]);
        Assert.Equal(1, exit);
        Assert.Contains("applicationHost.config: error IISM9008", output);
        Assert.Contains("missing-handler.dll: error IISM2001", output);
    }

    [Fact]
    public void The_server_tree_holds_the_sample_builds_themselves()
    {
        foreach (var copy in Directory.EnumerateFiles(Path.Combine(Deploy, "server", "inetpub", "modules"), "*.dll", SearchOption.AllDirectories))
        {
            var arch = Path.GetFileName(Path.GetDirectoryName(copy))!;
            Assert.Equal(File.ReadAllBytes(TestPaths.Sample($"{arch}/{Path.GetFileName(copy)}")), File.ReadAllBytes(copy));
        }
    }
}
