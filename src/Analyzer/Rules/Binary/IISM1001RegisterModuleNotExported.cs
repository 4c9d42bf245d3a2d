using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Binary;

/// <summary>IISM1001: no export named RegisterModule, decorated or otherwise, and nothing by ordinal only.</summary>
public sealed class IISM1001RegisterModuleNotExported : NativeDllRule
{
    private const int ExportsListedAtMost = 5;

    public override string Id => RuleIds.RegisterModuleNotExported;

    protected override IEnumerable<Finding> Check(ModuleModel model, ImageFacts image, RuleContext context)
    {
        if (ExportsRegisterModuleByName(image)
            || image.Exports.Any(export => export.Name is null || RegisterModuleDecorations.Classify(export.Name) is not null))
        {
            yield break; // exported, or IISM1002/IISM1003 say more precisely what is wrong
        }
        yield return Report(model, context, SourceLocation.OfFile(model.InputPath), "RegisterModule", Hint(image));
    }

    private static string Hint(ImageFacts image)
    {
        if (image.Exports.Count == 0)
        {
            return " It has no exports at all.";
        }
        var lookalike = image.Exports.FirstOrDefault(export =>
            string.Equals(export.Name, "RegisterModule", StringComparison.OrdinalIgnoreCase));
        if (lookalike is not null)
        {
            return $" It exports '{lookalike.Name}': export names are case-sensitive.";
        }
        var names = image.Exports.Select(export => export.Name!).Order(StringComparer.Ordinal).ToList();
        var listed = string.Join(", ", names.Take(ExportsListedAtMost).Select(name => $"'{name}'"));
        var more = names.Count > ExportsListedAtMost ? $" and {names.Count - ExportsListedAtMost} more" : "";
        return $" It exports {listed}{more}.";
    }
}
