using IisModuleValidator.Catalog;

namespace IisModuleValidator.Tests.Catalog;

/// <summary>The catalog read from the rule files in rules/, to hold the one embedded in the engine to them. The engine
/// reads only its embedded copy: the catalog is an inner layer, with no file access.</summary>
internal static class RuleCatalogDirectory
{
    public static RuleCatalog Load(string directory) =>
        new(Directory.EnumerateFiles(directory, "IISM*.md").Select(path => RuleFileParser.Parse(path, File.ReadAllText(path))));
}
