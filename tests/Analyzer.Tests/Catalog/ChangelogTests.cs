using System.Text.RegularExpressions;
using IisModuleValidator.Catalog;

namespace IisModuleValidator.Tests.Catalog;

/// <summary>CHANGELOG.md keeps up with the catalog and the version: a new rule is announced, a new version has a section.</summary>
public sealed partial class ChangelogTests
{
    private static readonly string Changelog = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "CHANGELOG.md"));

    [Fact]
    public void Every_rule_of_the_catalog_is_announced()
    {
        var named = RuleIdOrRange().Matches(Changelog).SelectMany(match => match.Groups[2].Success
            ? Enumerable.Range(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) - int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1)
            : [int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)])
            .Select(number => $"IISM{number:D4}").ToHashSet();
        Assert.All(RuleCatalog.Default.All, rule => Assert.True(named.Contains(rule.Id), $"{rule.Id} is not in CHANGELOG.md"));
    }

    [Fact]
    public void The_version_being_built_has_a_section()
    {
        var props = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
        var version = VersionProperty().Match(props).Groups[1].Value;
        Assert.Matches($@"(?m)^## {Regex.Escape(version)}\b", Changelog);
        // Shipped means released: until this version's section loses "(unreleased)", no rule is listed as shipped.
        var shipped = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "src", "IdeAnalyzer", "AnalyzerReleases.Shipped.md"));
        if (Changelog.Contains($"## {version} (unreleased)", StringComparison.Ordinal))
        {
            Assert.DoesNotMatch(@"(?m)^IISM\d{4}", shipped);
        }
    }

    [GeneratedRegex(@"IISM(\d{4})(?:[–-]IISM(\d{4}))?")]
    private static partial Regex RuleIdOrRange();

    [GeneratedRegex(@"<Version>([^<]+)</Version>")]
    private static partial Regex VersionProperty();
}
