namespace IisModuleValidator.Catalog;

/// <summary>One rule's entry in the catalog (rules/IISMnnnn.md).</summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    RuleLevel DefaultLevel,
    string Category,
    string Title,
    string MessageFormat,
    IReadOnlyList<string> Tags,
    string Precision,
    string HelpUri,
    string HelpMarkdown)
{
    public bool IsToolNotification => Category == "Tool";

    /// <summary>The first paragraph of the help after its heading: SARIF fullDescription.</summary>
    public string FullDescription =>
        HelpMarkdown.Split(new[] { "\n\n" }, StringSplitOptions.RemoveEmptyEntries)
            .Select(paragraph => paragraph.Trim())
            .First(paragraph => !paragraph.StartsWith("#", StringComparison.Ordinal))
            .Replace("\r\n", " ").Replace("\n", " ");

    public string FormatMessage(IReadOnlyList<string> arguments)
    {
        try
        {
            return string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, [.. arguments]).Trim();
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{Id}: message format '{MessageFormat}' does not take {arguments.Count} arguments");
        }
    }
}
