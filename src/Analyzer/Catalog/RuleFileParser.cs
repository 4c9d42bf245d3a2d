namespace IisModuleValidator.Catalog;

/// <summary>Parses one rules/IISMnnnn.md: a "key: value" header between '---' lines, then the markdown help.</summary>
internal static class RuleFileParser
{
    private static readonly string[] RequiredKeys = ["id", "name", "level", "category", "title", "message", "tags", "precision"];

    public static RuleDescriptor Parse(string origin, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0] != "---")
        {
            throw new FormatException($"{origin}: a rule file starts with a '---' header");
        }
        var end = Array.IndexOf(lines, "---", 1);
        if (end < 0)
        {
            throw new FormatException($"{origin}: the header has no closing '---'");
        }
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Take(end - 1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException($"{origin}: header line '{line}' is not 'key: value'");
            }
            header[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }
        var missing = RequiredKeys.Where(key => !header.ContainsKey(key)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{origin}: header lacks {string.Join(", ", missing)}");
        }
        return new RuleDescriptor(
            header["id"],
            header["name"],
            RuleLevels.Parse(header["level"]),
            header["category"],
            header["title"],
            header["message"],
            [.. header["tags"].Split(',').Select(tag => tag.Trim()).Where(tag => tag.Length > 0)],
            header["precision"],
            RepositoryLinks.RuleHelp(header["id"]),
            string.Join("\n", lines.Skip(end + 1)).Trim() + "\n");
    }
}
