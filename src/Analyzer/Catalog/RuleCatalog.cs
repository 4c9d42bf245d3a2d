
namespace IisModuleValidator.Catalog;

/// <summary>
/// The rule catalog, read from the rules/IISM*.md files compiled into this assembly. The one source of rule
/// metadata for every reporter.
/// </summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, RuleDescriptor> _byId;

    internal RuleCatalog(IEnumerable<RuleDescriptor> rules)
    {
        _byId = rules.ToDictionary(rule => rule.Id, StringComparer.Ordinal);
        All = [.. _byId.Values.OrderBy(rule => rule.Id, StringComparer.Ordinal)];
    }

    public static RuleCatalog Default { get; } = LoadEmbedded();

    public IReadOnlyList<RuleDescriptor> All { get; }

    public RuleDescriptor this[string id] =>
        _byId.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException($"rule {id} is not in the catalog (rules/{id}.md)");

    public bool Contains(string id) => _byId.ContainsKey(id);

    private static RuleCatalog LoadEmbedded()
    {
        var assembly = typeof(RuleCatalog).Assembly;
        var rules = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("rules/", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                return RuleFileParser.Parse(name, reader.ReadToEnd());
            });
        return new RuleCatalog(rules);
    }
}
