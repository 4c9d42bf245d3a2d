using System.Text.Json;
using IisModuleValidator.Catalog;

namespace IisModuleValidator.Reporting;

/// <summary>
/// `list-rules --format json`: the catalog (rules/IISMnnnn.md) for tools, versioned as <see cref="InspectJson"/> is.
/// Each rule: id, name, default level, category, title, message format, tags, precision, help URI and help (markdown).
/// </summary>
public static class RuleListJson
{
    public const int Version = 1;

    public sealed record Document(int Version, string Tool, string ToolVersion, IReadOnlyList<Rule> Rules);

    public sealed record Rule(string Id, string Name, string Level, string Category, bool IsToolNotification, string Title, string MessageFormat,
        IReadOnlyList<string> Tags, string Precision, string HelpUri, string Help);

    public static string Write(IEnumerable<RuleDescriptor> rules) =>
        JsonSerializer.Serialize(new Document(Version, ToolInfo.Name, ToolInfo.SemanticVersion, [.. rules.Select(rule =>
            new Rule(rule.Id, rule.Name, rule.DefaultLevel.ToWord(), rule.Category, rule.IsToolNotification, rule.Title, rule.MessageFormat, rule.Tags,
                rule.Precision, rule.HelpUri, rule.HelpMarkdown))]), InspectJson.Options) + "\n";

    public static Document Read(string json) => JsonSerializer.Deserialize<Document>(json, InspectJson.Options) ?? throw new JsonException("the document is empty");
}
