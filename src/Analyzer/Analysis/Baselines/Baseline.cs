using System.Text.Json;
using System.Text.Json.Nodes;
using IisModuleValidator.Reporting;
using IisModuleValidator.Catalog;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Analysis.Baselines;

/// <summary>
/// The results of a previous run's SARIF (`--baseline`), by their line-independent fingerprints. A run compared with
/// it fails only on new findings: each finding is new, unchanged or updated (same rule and logical place, another
/// level or message), and the baseline's results this run no longer finds are absent.
/// </summary>
public sealed class Baseline
{
    private readonly Dictionary<string, AbsentResult> _results;

    private Baseline(Dictionary<string, AbsentResult> results) => _results = results;

    public int Count => _results.Count;

    /// <summary>Reads a SARIF file; throws <see cref="InvalidDataException"/> with the reason when it is not one we can compare with.</summary>
    public static Baseline Load(string path)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(Io.SafeFile.ReadAllText(path), documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"'{path}' is not JSON: {exception.Message}");
        }
        if (document?["runs"] is not JsonArray runs)
        {
            throw new InvalidDataException($"'{path}' is not a SARIF log (no 'runs')");
        }
        var results = new Dictionary<string, AbsentResult>(StringComparer.Ordinal);
        foreach (var result in runs.OfType<JsonObject>().Select(run => run["results"]).OfType<JsonArray>().SelectMany(array => array).OfType<JsonObject>())
        {
            if (result["partialFingerprints"]?[Fingerprints.Name] is not JsonValue fingerprintValue || !fingerprintValue.TryGetValue<string>(out var fingerprint)
                || (string?)result["baselineState"] == "absent" || result["suppressions"] is JsonArray { Count: > 0 })
            {
                continue; // another tool's result, one already gone, or one accepted in source
            }
            results.TryAdd(fingerprint, new AbsentResult(fingerprint, (string?)result["ruleId"] ?? "", (string?)result["level"] ?? "warning",
                (string?)result["message"]?["text"] ?? "", result["locations"]?.DeepClone() as JsonArray));
        }
        return new Baseline(results);
    }

    /// <summary>The report with each finding's baseline state and the baseline's absent results.</summary>
    public AnalysisReport Compare(AnalysisReport report)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var findings = new List<Finding>(report.Findings.Count);
        foreach (var finding in report.Findings)
        {
            var fingerprint = Fingerprints.Of(finding, report.BaseDirectory);
            seen.Add(fingerprint);
            var state = !_results.TryGetValue(fingerprint, out var previous) ? BaselineState.New
                : previous.Level == finding.Level.ToWord() && previous.Message == finding.Message ? BaselineState.Unchanged
                : BaselineState.Updated;
            findings.Add(finding with { BaselineState = state });
        }
        var absent = _results.Values.Where(result => !seen.Contains(result.Fingerprint)).OrderBy(result => result.Fingerprint, StringComparer.Ordinal).ToList();
        return report with { Findings = findings, Absent = absent, HasBaseline = true };
    }
}
