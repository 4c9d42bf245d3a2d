using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Binary;

/// <summary>IISM1002: RegisterModule is exported, but only under a decorated or mangled name.</summary>
public sealed class IISM1002RegisterModuleExportedUnderDecoratedName : NativeDllRule
{
    public override string Id => RuleIds.RegisterModuleExportedUnderDecoratedName;

    protected override IEnumerable<Finding> Check(ModuleModel model, ImageFacts image, RuleContext context)
    {
        if (ExportsRegisterModuleByName(image))
        {
            yield break;
        }
        foreach (var export in image.Exports.Where(export => export.Name is not null).OrderBy(export => export.Name, StringComparer.Ordinal))
        {
            if (RegisterModuleDecorations.Classify(export.Name!) is { } decoration)
            {
                yield return Report(model, context, SourceLocation.InBinary(model.InputPath, export.Rva, export.Name),
                    export.Name!, export.Name!, decoration.Cause, decoration.Fix);
            }
        }
    }
}
