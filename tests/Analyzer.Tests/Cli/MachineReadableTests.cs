using System.Text.Json.Nodes;
using IisModuleValidator.Catalog;
using IisModuleValidator.Reporting;
using IisModuleValidator.Tests.Reporting;

namespace IisModuleValidator.Tests.Cli;

/// <summary>`inspect --format json` and `list-rules --format json|sarif|markdown`: versioned documents that read back.</summary>
public sealed class MachineReadableTests
{
    private static readonly string Base = TestPaths.RepositoryRoot;

    [Fact]
    public void Inspect_json_reads_back_into_the_model_the_rules_saw()
    {
        var (exit, json, _) = CliRun.Run("inspect", "--format", "json", "--base-dir", Base, "samples/bin/x64/missing-handler.dll", "samples/bin/x86/dllexport-module.dll");
        Assert.Equal(0, exit);
        var document = InspectJson.Read(json);
        Assert.Equal(InspectJson.Version, document.Version);
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(document, InspectJson.Options) + "\n"); // nothing lost on the way back

        var expected = new Analysis.ModuleValidator().Run(["samples/bin/x64/missing-handler.dll", "samples/bin/x86/dllexport-module.dll"], Base);
        Assert.Equal(expected.Inputs.Select(input => Path.GetRelativePath(Base, input.FullPath)), document.Inputs.Select(input => input.Path));
        var module = document.Inputs.Single(input => input.Path.EndsWith("missing-handler.dll", StringComparison.Ordinal)).Model!;
        var registration = Assert.Single(module.Registrations);
        Assert.Equal(expected.Inputs.Single(input => input.FullPath.EndsWith("missing-handler.dll", StringComparison.Ordinal)).Model!.Registrations[0].Mask.Value, registration.Mask.Value);
        Assert.Equal("x64", module.Image!.Machine);
        Assert.Contains(module.Image.Exports, export => export.Name == "RegisterModule");
        var decorated = document.Inputs.Single(input => input.Path.EndsWith("dllexport-module.dll", StringComparison.Ordinal));
        Assert.Equal("IISM1002", Assert.Single(decorated.Findings).RuleId);
    }

    [Fact]
    [Trait(Slow.Category, Slow.Value)]
    public void Inspect_json_of_Cpp_and_CSharp_sources_reads_back()
    {
        var (exit, json, _) = CliRun.Run("inspect", "--format", "json", "--base-dir", Base, "samples/cpp/missing-handler", "samples/csharp/bad-entry-point");
        Assert.Equal(0, exit);
        var document = InspectJson.Read(json);
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(document, InspectJson.Options) + "\n");
        var cpp = document.Inputs.Single(input => input.Path.Contains("missing-handler", StringComparison.Ordinal)).Model!;
        Assert.Equal(Model.EvidenceSource.Cpp, cpp.Evidence);
        Assert.Contains(cpp.Classes, moduleClass => moduleClass.Name == "CAuditModule" && moduleClass.Location.SymbolKind == Model.SymbolKinds.Type);
        Assert.NotNull(document.Inputs.Single(input => input.Path.Contains("bad-entry-point", StringComparison.Ordinal)).Model!.Managed);
    }

    [Fact]
    public void List_rules_json_is_the_catalog_and_reads_back()
    {
        var (exit, json, _) = CliRun.Run("list-rules", "--format", "JSON");
        Assert.Equal(0, exit);
        var document = RuleListJson.Read(json);
        Assert.Equal(RuleListJson.Version, document.Version);
        Assert.Equal(RuleCatalog.Default.All.Select(rule => (rule.Id, rule.DefaultLevel.ToWord(), rule.HelpMarkdown)),
            document.Rules.Select(rule => (rule.Id, rule.Level, rule.Help)));
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(document, InspectJson.Options) + "\n");
        Assert.Equal("IISM2001", Assert.Single(RuleListJson.Read(CliRun.Run("list-rules", "--format", "json", "--rule", "iism2001").Output).Rules).Id);
    }

    [Fact]
    public void List_rules_sarif_and_markdown_carry_every_rule()
    {
        var sarif = CliRun.Run("list-rules", "--format", "sarif").Output; // CliRun holds it to the schema and GitHub's checks
        var driver = JsonNode.Parse(sarif)!["runs"]![0]!["tool"]!["driver"]!;
        Assert.Equal(RuleCatalog.Default.All.Where(rule => !rule.IsToolNotification).Select(rule => rule.Id).Order(StringComparer.Ordinal),
            driver["rules"]!.AsArray().Select(rule => (string)rule!["id"]!));
        Assert.True((bool)JsonNode.Parse(sarif)!["runs"]![0]!["invocations"]![0]!["executionSuccessful"]!);

        var markdown = CliRun.Run("list-rules", "--format", "markdown").Output;
        Assert.All(RuleCatalog.Default.All, rule => Assert.Contains(rule.HelpMarkdown.TrimEnd(), markdown));
    }

    [Theory]
    [InlineData("inspect", "--expect-arch", "mips", "samples/bin")]
    [InlineData("inspect", "--format", "xml", "samples/bin")]
    [InlineData("list-rules", "--format", "yaml")]
    public void Unknown_values_are_usage_errors(params string[] args)
    {
        var (exit, _, error) = CliRun.Run(args);
        Assert.Equal(2, exit);
        Assert.Contains("is not a value of", error);
    }
}
