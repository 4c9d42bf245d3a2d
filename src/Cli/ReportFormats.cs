using IisModuleValidator.Catalog;
using IisModuleValidator.Reporting;

namespace IisModuleValidator.Cli;

/// <summary>The report formats `check` can print, by the name --format takes: the one list the option and the run read.</summary>
public static class ReportFormats
{
    public const string Default = "msbuild";

    private static readonly (string Name, Func<RuleCatalog, IReporter> Create)[] Table =
    [
        ("msbuild", _ => new MsBuildReporter()),
        ("text", catalog => new TextReporter(catalog)),
        ("sarif", Sarif),
        ("github", catalog => new GitHubReporter(catalog)),
        ("azdo", _ => new AzureDevOpsReporter()),
    ];

    public static IEnumerable<string> Names => Table.Select(format => format.Name);

    public static IReporter Create(string name, RuleCatalog catalog) => Table.Single(format => format.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Create(catalog);

    /// <summary>The format a file's name says it holds (.sarif, .sarif.json), or null when it says none.</summary>
    public static string? ImpliedBy(string path) =>
        path.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".sarif.json", StringComparison.OrdinalIgnoreCase) ? "sarif" : null;

    /// <summary>SARIF lists every rule the run had, so a viewer can show rules that found nothing.</summary>
    public static SarifReporter Sarif(RuleCatalog catalog) => new(catalog, [.. Rules.RuleSet.All.Select(rule => rule.Id)]);
}
