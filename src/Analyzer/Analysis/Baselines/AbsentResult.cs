using System.Text.Json.Nodes;

namespace IisModuleValidator.Analysis.Baselines;

/// <summary>A result of the baseline that this run no longer finds, as the baseline gave it (SARIF baselineState absent).</summary>
public sealed record AbsentResult(string Fingerprint, string RuleId, string Level, string Message, JsonArray? Locations);
