using IisModuleValidator.Analysis;

namespace IisModuleValidator.Reporting;

/// <summary>
/// What GitHub code scanning accepts of one SARIF upload (docs.github.com, "SARIF support for code scanning" and the
/// upload-an-analysis REST reference): at most 25,000 results a run, of which it keeps the 5,000 most severe; at most
/// 1,000 locations a result, of which it shows 100; at most 10 MB gzip-compressed. A run near a limit says so as a tool
/// notification in its own SARIF, so that a missing alert has a reason on record; nothing is dropped here.
/// </summary>
public static class GitHubLimits
{
    public const int ResultsKept = 5_000;
    public const int ResultsAccepted = 25_000;
    public const int LocationsPerResult = 1_000;
    public const long CompressedBytes = 10L * 1024 * 1024;

    /// <summary>The limits the report's results pass, each said as a warning.</summary>
    public static IEnumerable<string> Exceeded(AnalysisReport report, long? compressedBytes = null)
    {
        var results = report.Findings.Count + report.Absent.Count;
        if (results > ResultsAccepted)
        {
            yield return $"This run has {results:N0} results; GitHub code scanning rejects a run with more than {ResultsAccepted:N0}. Narrow the inputs (--exclude) or the rules (--rule).";
        }
        else if (results > ResultsKept)
        {
            yield return $"This run has {results:N0} results; GitHub code scanning keeps only the {ResultsKept:N0} most severe.";
        }
        if (report.Findings.FirstOrDefault(finding => finding.Related.Count + 1 > LocationsPerResult) is { } crowded)
        {
            yield return $"A {crowded.RuleId} result has {crowded.Related.Count + 1:N0} locations; GitHub code scanning shows at most 100 and rejects more than {LocationsPerResult:N0}.";
        }
        if (compressedBytes > CompressedBytes)
        {
            yield return $"This SARIF file is {compressedBytes / (1024.0 * 1024):F1} MB gzip-compressed; GitHub code scanning rejects an upload over {CompressedBytes / (1024 * 1024)} MB.";
        }
    }
}
