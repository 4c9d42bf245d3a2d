namespace IisModuleValidator.Catalog;

/// <summary>A catalog read from rule files on disk (tests read rules/ with it). Kept apart from RuleCatalog, which the
/// IDE analyzer compiles too and where file access is not allowed.</summary>
public static class RuleCatalogDirectory
{
    public static RuleCatalog Load(string directory) =>
        new(Directory.EnumerateFiles(directory, "IISM*.md").Select(path => RuleFileParser.Parse(path, File.ReadAllText(path))));
}
