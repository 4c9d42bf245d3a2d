using System.Text.RegularExpressions;
using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Tests.Catalog;

/// <summary>rules/ and the code must describe the same rules, and every entry must be usable by every reporter.</summary>
public sealed partial class RuleCatalogTests
{
    private static readonly RuleCatalog OnDisk = RuleCatalogDirectory.Load(TestPaths.Rules);

    [Fact]
    public void Every_rule_in_code_has_a_catalog_entry_and_every_entry_has_code()
    {
        var inCode = RuleSet.All.Select(rule => rule.Id).Concat(ToolNotificationIds.All).Order(StringComparer.Ordinal);
        Assert.Equal(inCode, OnDisk.All.Select(rule => rule.Id));
    }

    [Fact]
    public void The_compiled_in_catalog_is_the_rules_folder()
    {
        static string Flatten(RuleDescriptor rule) => rule with { Tags = [string.Join(",", rule.Tags)] } is var flat
            ? $"{flat.Id}|{flat.Name}|{flat.DefaultLevel}|{flat.Category}|{flat.Title}|{flat.MessageFormat}|{flat.Tags[0]}|{flat.Precision}|{flat.HelpUri}|{flat.HelpMarkdown}"
            : "";
        Assert.Equal(OnDisk.All.Select(Flatten), RuleCatalog.Default.All.Select(Flatten));
    }

    [Fact]
    public void Rule_ids_are_unique_and_rule_classes_are_named_by_id_and_name()
    {
        Assert.Equal(RuleSet.All.Count, RuleSet.All.Select(rule => rule.Id).Distinct().Count());
        foreach (var rule in RuleSet.All)
        {
            Assert.Equal(rule.Id + OnDisk[rule.Id].Name, rule.GetType().Name);
        }
    }

    [GeneratedRegex(@"^IISM[1-59]\d{3}$")]
    private static partial Regex RuleId();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]+$")]
    private static partial Regex PascalCase();

    [Fact]
    public void Entries_are_complete_and_consistent()
    {
        foreach (var rule in OnDisk.All)
        {
            Assert.Matches(RuleId(), rule.Id);
            Assert.Matches(PascalCase(), rule.Name);
            Assert.False(rule.Title.EndsWith('.'), $"{rule.Id}: titles have no trailing period");
            Assert.EndsWith($"/rules/{rule.Id}.md", rule.HelpUri);
            Assert.StartsWith($"# {rule.Id}: {rule.Title}", rule.HelpMarkdown);
            Assert.NotEmpty(rule.Tags);
            Assert.Contains(rule.Precision, new[] { "very-high", "high", "medium", "low" });
            Assert.NotEmpty(rule.FullDescription);
            Assert.Equal(rule.Category == "Tool", rule.Id.StartsWith("IISM9", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Ids_follow_the_family_of_their_category()
    {
        var families = new Dictionary<string, char> { ["Binary"] = '1', ["Registration"] = '2', ["ReturnValue"] = '3', ["Export"] = '4', ["CSharp"] = '5', ["Tool"] = '9' };
        Assert.All(OnDisk.All, rule => Assert.Equal(families[rule.Category], rule.Id[4]));
    }

    [Fact]
    public void Message_formats_take_the_placeholders_they_name()
    {
        foreach (var rule in OnDisk.All)
        {
            var placeholders = Regex.Matches(rule.MessageFormat, @"\{(\d+)\}").Select(match => int.Parse(match.Groups[1].Value)).ToList();
            var count = placeholders.Count == 0 ? 0 : placeholders.Max() + 1;
            var filled = rule.FormatMessage([.. Enumerable.Range(0, count).Select(i => $"<{i}>")]);
            Assert.DoesNotContain("{", filled);
        }
    }
}
