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
    public void Every_rule_id_constant_is_named_for_its_rule_class_and_every_rule_has_one()
    {
        var constants = typeof(RuleIds).GetFields().ToDictionary(field => (string)field.GetRawConstantValue()!, field => field.Name);
        Assert.Equal(RuleSet.All.Select(rule => rule.Id).Order(StringComparer.Ordinal), constants.Keys.Order(StringComparer.Ordinal));
        Assert.All(RuleSet.All, rule => Assert.Equal(rule.Id + constants[rule.Id], rule.GetType().Name));
    }

    [Fact]
    public void The_readme_table_lists_every_rule_with_its_level()
    {
        var listed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (Match row in ReadmeRow().Matches(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"))))
        {
            var first = int.Parse(row.Groups["first"].Value, System.Globalization.CultureInfo.InvariantCulture);
            // "IISM3001/3002" names two rules, "IISM9001–9013" a range.
            var ids = row.Groups["last"].Success
                ? Enumerable.Range(first, int.Parse(row.Groups["last"].Value, System.Globalization.CultureInfo.InvariantCulture) - first + 1)
                : row.Groups["other"].Success ? [first, int.Parse(row.Groups["other"].Value, System.Globalization.CultureInfo.InvariantCulture)] : [first];
            foreach (var id in ids)
            {
                listed.Add($"IISM{id}", row.Groups["levels"].Value.Split('/'));
            }
        }

        Assert.Equal(OnDisk.All.Select(rule => rule.Id), listed.Keys.Order(StringComparer.Ordinal));
        Assert.All(OnDisk.All, rule => Assert.Contains(rule.DefaultLevel.ToString().ToLowerInvariant(), listed[rule.Id]));
    }

    [GeneratedRegex(@"^\| IISM(?<first>\d{4})(?:/(?<other>\d{4})|–(?<last>\d{4}))? \| (?<levels>[a-z/]+) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();

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

    [GeneratedRegex(@"^IISM[1-69]\d{3}$")]
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
    public void Help_links_are_the_rule_files_under_the_one_repository_url_of_Directory_Build_props()
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));
        var repositoryUrl = Assert.Single(props.Descendants("RepositoryUrl")).Value;
        Assert.Equal(repositoryUrl, RepositoryLinks.RepositoryUrl);
        Assert.Equal(repositoryUrl, IisModuleValidator.Reporting.ToolInfo.InformationUri);
        foreach (var rule in RuleCatalog.Default.All)
        {
            Assert.Equal($"{repositoryUrl}/blob/main/rules/{rule.Id}.md", rule.HelpUri);
            Assert.True(File.Exists(Path.Combine(TestPaths.Rules, rule.Id + ".md")), rule.HelpUri);
        }
        // Nowhere else: no rule file carries its own link.
        Assert.All(Directory.GetFiles(TestPaths.Rules, "IISM*.md"), path => Assert.DoesNotContain("https://github.com/", File.ReadAllText(path).Split("---")[1]));
    }

    [Fact]
    public void Help_text_keeps_what_the_markdown_says_and_its_structure()
    {
        var notFound = IisModuleValidator.Reporting.RuleHelpText.Plain(RuleCatalog.Default["IISM9001"].HelpMarkdown);
        Assert.Contains("a pattern (bin/**/*.dll) matched nothing", notFound);

        var missingHandler = IisModuleValidator.Reporting.RuleHelpText.Plain(RuleCatalog.Default["IISM2001"].HelpMarkdown);
        Assert.StartsWith("IISM2001: A registered notification has no overriding handler\n\nFor every bit passed to SetRequestNotifications", missingHandler);
        Assert.Contains("\n\nHow to fix\n\n- Override the handler with exactly the base class's signature, e.g.\n  REQUEST_NOTIFICATION_STATUS OnEndRequest(", missingHandler);
        Assert.DoesNotContain("`", missingHandler);
        Assert.DoesNotContain("**", missingHandler);
    }

    [Fact]
    public void Ids_follow_the_family_of_their_category()
    {
        var families = new Dictionary<string, char> { ["Binary"] = '1', ["Registration"] = '2', ["ReturnValue"] = '3', ["Export"] = '4', ["CSharp"] = '5', ["Deployment"] = '6', ["Tool"] = '9' };
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
