using System.Text.Json.Nodes;
using IisModuleValidator.Reporting;
using NJsonSchema;

namespace IisModuleValidator.Tests.Reporting;

/// <summary>
/// What every SARIF file the tests write must be: valid against the SARIF 2.1.0 schema, and taken by GitHub code scanning
/// (the checks below are its documented ingestion rules: results, locations and tags within their limits, a ruleId
/// with a consistent ruleIndex, a relative or file URI for every location, a start line of at least 1, an
/// automationDetails.id, and an invocation). CliRun applies them to every SARIF the command writes in the tests.
/// </summary>
internal static class SarifChecks
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(TestPaths.SarifSchema).GetAwaiter().GetResult());

    public static void Valid(string sarif)
    {
        var errors = Schema.Value.Validate(sarif);
        Assert.True(errors.Count == 0, "SARIF schema: " + string.Join("\n", errors.Select(error => $"{error.Path}: {error.Kind}")));

        var document = JsonNode.Parse(sarif)!;
        var runs = document["runs"]!.AsArray();
        Assert.InRange(runs.Count, 1, 20);
        foreach (var run in runs.Select(run => run!))
        {
            var id = (string?)run["automationDetails"]?["id"];
            Assert.False(string.IsNullOrWhiteSpace(id), "runs[].automationDetails.id is missing");
            Assert.Single(run["invocations"]!.AsArray());
            var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
            Assert.InRange(rules.Count, 0, 25_000);
            Assert.All(rules, rule => Assert.InRange(rule!["properties"]?["tags"]?.AsArray().Count ?? 0, 0, 20));
            var results = run["results"]!.AsArray();
            Assert.InRange(results.Count, 0, GitHubLimits.ResultsAccepted);
            foreach (var result in results.Select(result => result!))
            {
                var ruleId = (string)result["ruleId"]!;
                if (result["ruleIndex"] is { } index)
                {
                    Assert.Equal(ruleId, (string?)rules[(int)index]!["id"]);
                }
                Assert.False(string.IsNullOrWhiteSpace((string?)result["message"]?["text"]));
                var locations = result["locations"]?.AsArray() ?? [];
                Assert.InRange(locations.Count + (result["relatedLocations"]?.AsArray().Count ?? 0), 0, GitHubLimits.LocationsPerResult);
                foreach (var physical in locations.Concat(result["relatedLocations"]?.AsArray() ?? []).Select(location => location!["physicalLocation"]).OfType<JsonNode>())
                {
                    var uri = (string)physical["artifactLocation"]!["uri"]!;
                    Assert.True(physical["artifactLocation"]!["uriBaseId"] is not null || uri.StartsWith("file://", StringComparison.Ordinal), $"'{uri}' is neither relative to SRCROOT nor a file URI");
                    if (physical["region"] is { } region)
                    {
                        Assert.True((int)region["startLine"]! >= 1);
                    }
                }
            }
        }
    }

    /// <summary>The SARIF with what only the command line decides (its arguments) taken out, to compare two ways of asking for one run.</summary>
    public static string WithoutArguments(string sarif)
    {
        var document = JsonNode.Parse(sarif)!;
        foreach (var invocation in document["runs"]!.AsArray().SelectMany(run => run!["invocations"]!.AsArray()).OfType<JsonObject>())
        {
            invocation.Remove("commandLine");
            invocation.Remove("arguments");
        }
        return document.ToJsonString();
    }
}
