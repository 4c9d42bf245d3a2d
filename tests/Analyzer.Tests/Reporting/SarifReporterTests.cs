using System.Security.Cryptography;
using System.Text.Json.Nodes;
using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Model;
using IisModuleValidator.Reporting;
using IisModuleValidator.Rules;
using NJsonSchema;

namespace IisModuleValidator.Tests.Reporting;

/// <summary>SARIF that the 2.1.0 schema accepts, with what GitHub code scanning reads, byte-identical run to run.</summary>
public sealed class SarifReporterTests
{
    private static readonly string[] EnabledRules = [.. RuleSet.All.Select(rule => rule.Id)];

    private static string Sarif(AnalysisReport report)
    {
        var writer = new StringWriter();
        new SarifReporter(RuleCatalog.Default, EnabledRules).Write(report, writer);
        SarifChecks.Valid(writer.ToString());
        return writer.ToString();
    }

    private static AnalysisReport SamplesWithABadInput(TempDirectory temp)
    {
        var text = temp.File("not-a-module.dll", "text"u8.ToArray());
        return new ModuleValidator().Run(["samples/bin", text, "missing.dll"], TestPaths.RepositoryRoot);
    }

    [Fact]
    public async Task Output_validates_against_the_SARIF_2_1_0_schema()
    {
        using var temp = new TempDirectory();
        var schema = await JsonSchema.FromFileAsync(TestPaths.SarifSchema);
        var errors = schema.Validate(Sarif(SamplesWithABadInput(temp)));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(error => $"{error.Path}: {error.Kind}")));
    }

    [Fact]
    public void Output_has_what_GitHub_code_scanning_reads()
    {
        using var temp = new TempDirectory();
        var report = SamplesWithABadInput(temp);
        var sarif = JsonNode.Parse(Sarif(report))!;

        Assert.Equal("2.1.0", (string?)sarif["version"]);
        var run = Assert.Single(sarif["runs"]!.AsArray())!;
        var driver = run["tool"]!["driver"]!;
        Assert.Equal(ToolInfo.Name, (string?)driver["name"]);
        Assert.Matches(@"^\d+\.\d+\.\d+$", (string?)driver["semanticVersion"]);
        Assert.StartsWith("https://", (string?)driver["informationUri"]);
        var rules = driver["rules"]!.AsArray();
        Assert.Equal(EnabledRules.Order(StringComparer.Ordinal), rules.Select(rule => (string)rule!["id"]!));
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)rule!["shortDescription"]!["text"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["fullDescription"]!["text"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["help"]!["text"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)rule["help"]!["markdown"]));
            Assert.StartsWith("https://", (string?)rule["helpUri"]);
        }

        Assert.EndsWith("/", (string?)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]);
        var results = run["results"]!.AsArray();
        Assert.Equal(report.Findings.Count, results.Count);
        foreach (var result in results)
        {
            var ruleId = (string)result!["ruleId"]!;
            Assert.Equal(ruleId, (string?)rules[(int)result["ruleIndex"]!]!["id"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)result["message"]!["text"]));
            var physical = Assert.Single(result["locations"]!.AsArray())!["physicalLocation"]!;
            var uri = (string)physical["artifactLocation"]!["uri"]!;
            Assert.StartsWith("samples/bin/", uri);
            Assert.Equal("SRCROOT", (string?)physical["artifactLocation"]!["uriBaseId"]);
            Assert.True((int)physical["region"]!["startLine"]! >= 1);
            Assert.Matches("^[0-9a-f]{32}$", (string?)result["partialFingerprints"]![SarifReporter.FingerprintName]);
            var artifact = run["artifacts"]![(int)physical["artifactLocation"]!["index"]!]!;
            Assert.Equal(uri, (string?)artifact["location"]!["uri"]);
        }

        foreach (var artifact in run["artifacts"]!.AsArray())
        {
            var path = Path.Combine(TestPaths.RepositoryRoot, (string)artifact!["location"]!["uri"]!);
            if (!path.StartsWith(TestPaths.RepositoryRoot, StringComparison.Ordinal) || !File.Exists(path))
            {
                continue;
            }
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), (string?)artifact["hashes"]!["sha-256"]);
        }

        var invocation = Assert.Single(run["invocations"]!.AsArray())!;
        Assert.True((bool)invocation["executionSuccessful"]!);
        var notifications = invocation["toolExecutionNotifications"]!.AsArray();
        // IISM9009: the x86 and x64 split-module samples, whose request mask is computed at run time, and the four hybrid
        // samples (ARM64EC code, and the ARM64EC half of the ARM64X ones, are not recovered).
        Assert.Equal(["IISM9001", "IISM9003", .. Enumerable.Repeat("IISM9009", 6)], notifications.Select(n => (string)n!["descriptor"]!["id"]!).Order(StringComparer.Ordinal));
        Assert.All(notifications, n => Assert.False(string.IsNullOrWhiteSpace((string?)n!["message"]!["text"])));
    }

    [Fact]
    public void Each_DLL_artifact_says_which_facts_the_recovery_proved()
    {
        // split-module's /O2 mask is computed branch-free: the module class is proven, the mask is not.
        var report = new ModuleValidator().Run(["samples/bin/x64/split-module.dll", "samples/bin/x64/request-module.dll"], TestPaths.RepositoryRoot);
        var artifacts = JsonNode.Parse(Sarif(report))!["runs"]![0]!["artifacts"]!.AsArray();
        JsonNode RecoveryOf(string name) => artifacts.Single(artifact => ((string)artifact!["location"]!["uri"]!).EndsWith(name, StringComparison.Ordinal))!["properties"]!["recovery"]!;

        var proven = RecoveryOf("request-module.dll");
        Assert.Equal("proven", (string?)proven["registrations"]);
        var fact = Assert.Single(proven["facts"]!.AsArray())!;
        Assert.Equal(("SetRequestNotifications", "proven", "proven", "proven", "proven"),
            ((string?)fact["call"], (string?)fact["recovery"], (string?)fact["mask"], (string?)fact["postMask"], (string?)fact["moduleClass"]));

        var partial = RecoveryOf("split-module.dll");
        Assert.Equal("partial", (string?)partial["registrations"]);
        fact = Assert.Single(partial["facts"]!.AsArray())!;
        Assert.Equal(("partial", "unknown", "proven"), ((string?)fact["recovery"], (string?)fact["mask"], (string?)fact["moduleClass"]));
        Assert.Contains("computed at run time", (string?)fact["reason"]);
    }

    [Fact]
    public void The_same_inputs_give_byte_identical_output_whatever_their_order()
    {
        var first = new ModuleValidator().Run(["samples/bin/x64", "samples/bin/x86"], TestPaths.RepositoryRoot);
        var second = new ModuleValidator().Run(["samples/bin/x86", "samples/bin/x64/*.dll"], TestPaths.RepositoryRoot);
        Assert.Equal(Sarif(first), Sarif(second));
    }

    [Fact]
    public void Fingerprints_do_not_depend_on_line_numbers()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "module.cpp");
        AnalysisReport At(int line) => new(TestPaths.RepositoryRoot, [],
            [new Finding(path, "IISM1001", RuleLevel.Error, "m", SourceLocation.InSource(path, line, 1), "RegisterModule", [])], []);
        static string Fingerprint(string sarif) =>
            (string)JsonNode.Parse(sarif)!["runs"]![0]!["results"]![0]!["partialFingerprints"]![SarifReporter.FingerprintName]!;

        Assert.Equal(Fingerprint(Sarif(At(10))), Fingerprint(Sarif(At(200))));
    }

    [Fact]
    public void Every_sample_DLL_run_passes_the_schema_and_GitHubs_ingestion_checks()
    {
        using var temp = new TempDirectory();
        SarifChecks.Valid(Sarif(SamplesWithABadInput(temp)));
    }

    [Fact]
    public void A_place_in_a_DLL_is_its_address_and_a_class_is_a_type()
    {
        var report = new ModuleValidator().Run(["samples/bin/x64/missing-handler.dll"], TestPaths.RepositoryRoot);
        var result = JsonNode.Parse(Sarif(report))!["runs"]![0]!["results"]![0]!;
        var physical = result["locations"]![0]!["physicalLocation"]!;
        Assert.Equal(Convert.ToUInt32(((string)result["properties"]!["rva"]!)[2..], 16), (uint)physical["address"]!["absoluteAddress"]!);
        Assert.Equal("samples/bin/x64/missing-handler.dll", (string?)physical["artifactLocation"]!["uri"]);

        var path = Path.Combine(TestPaths.RepositoryRoot, "module.cpp");
        var related = new AnalysisReport(TestPaths.RepositoryRoot, [],
            [new Finding(path, "IISM2001", RuleLevel.Error, "m", SourceLocation.InSource(path, 3, 1, "SetRequestNotifications"), "k",
                [new RelatedLocation(SourceLocation.InSource(path, 1, 7, "CModule", SymbolKinds.Type), "the class")])], []);
        var logical = JsonNode.Parse(Sarif(related))!["runs"]![0]!["results"]![0]!["relatedLocations"]![0]!["logicalLocations"]![0]!;
        Assert.Equal(("CModule", "type"), ((string?)logical["name"], (string?)logical["kind"]));
    }

    [Fact]
    public void The_command_line_run_records_its_invocation_and_automation_details()
    {
        using var temp = new TempDirectory();
        var sarif = temp.File("r.sarif", []);
        var (exit, _, _) = Cli.CliRun.Run("check", "--base-dir", TestPaths.RepositoryRoot, "samples/bin/x64/no-export.dll", "-o", sarif, "--automation-id", "iis-modules/windows/");
        var run = JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!;
        var invocation = run["invocations"]![0]!;
        Assert.Equal(1, exit);
        Assert.Equal(exit, (int)invocation["exitCode"]!);
        Assert.Equal(["check", "--base-dir", TestPaths.RepositoryRoot, "samples/bin/x64/no-export.dll", "-o", sarif, "--automation-id", "iis-modules/windows/"],
            invocation["arguments"]!.AsArray().Select(argument => (string)argument!));
        Assert.StartsWith("iis-module-validator check --base-dir ", (string?)invocation["commandLine"]);
        Assert.StartsWith("file:///", (string?)invocation["workingDirectory"]!["uri"]);
        Assert.Null(invocation["startTimeUtc"]); // only with --timestamps: the same run writes the same bytes
        Assert.Equal("iis-modules/windows/", (string?)run["automationDetails"]!["id"]);

        Cli.CliRun.Run("check", "--base-dir", TestPaths.RepositoryRoot, "samples/bin/x64/no-export.dll", "-o", sarif, "--timestamps");
        invocation = JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["invocations"]![0]!;
        Assert.True(DateTimeOffset.Parse((string)invocation["startTimeUtc"]!, System.Globalization.CultureInfo.InvariantCulture)
                    <= DateTimeOffset.Parse((string)invocation["endTimeUtc"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_run_over_GitHubs_result_limit_says_so_in_its_own_SARIF()
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "module.cpp");
        var findings = Enumerable.Range(1, GitHubLimits.ResultsKept + 1)
            .Select(line => new Finding(path, "IISM2003", RuleLevel.Warning, "m", SourceLocation.InSource(path, line, 1), $"k{line}", [])).ToList();
        var sarif = Sarif(new AnalysisReport(TestPaths.RepositoryRoot, [], findings, []));
        var notification = Assert.Single(JsonNode.Parse(sarif)!["runs"]![0]!["invocations"]![0]!["toolExecutionNotifications"]!.AsArray())!;
        Assert.Contains("keeps only the 5,000 most severe", (string?)notification["message"]!["text"]);
        SarifChecks.Valid(sarif);
    }

    [Fact]
    public void A_run_that_analyzed_nothing_is_not_successful()
    {
        var sarif = JsonNode.Parse(Sarif(new ModuleValidator().Run(["missing.dll"], TestPaths.RepositoryRoot)))!;
        Assert.False((bool)sarif["runs"]![0]!["invocations"]![0]!["executionSuccessful"]!);
    }
}
