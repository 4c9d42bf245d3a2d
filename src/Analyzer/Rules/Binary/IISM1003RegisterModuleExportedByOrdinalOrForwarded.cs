using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Binary;

/// <summary>
/// IISM1003: RegisterModule is a forwarder, or the DLL has no RegisterModule name but exports functions by
/// ordinal only (NONAME), which is how a .def file hides it.
/// </summary>
public sealed class IISM1003RegisterModuleExportedByOrdinalOrForwarded : NativeDllRule
{
    public override string Id => RuleIds.RegisterModuleExportedByOrdinalOrForwarded;

    protected override IEnumerable<Finding> Check(ModuleModel model, ImageFacts image, RuleContext context)
    {
        var named = image.Exports.FirstOrDefault(export => export.Name == Contract.IisContract.RegisterModuleExportName);
        if (named is { Forwarder: { } target })
        {
            var dll = target.Contains('.') ? target[..target.LastIndexOf('.')] : target;
            yield return Report(model, context, SourceLocation.InBinary(model.InputPath, named.Rva, named.Name), "RegisterModule:forwarder",
                $"'RegisterModule' is forwarded to '{target}': IIS would load {dll}.dll from the DLL search path and register the module in it, not this DLL.");
            yield break;
        }
        if (named is not null || image.Exports.Any(export => export.Name is not null && RegisterModuleDecorations.Classify(export.Name) is not null))
        {
            yield break;
        }
        var nameless = image.Exports.Where(export => export.Name is null).ToList();
        if (nameless.Count > 0)
        {
            var ordinals = string.Join(", ", nameless.Select(export => export.Ordinal));
            yield return Report(model, context, SourceLocation.InBinary(model.InputPath, nameless[0].Rva, $"#{nameless[0].Ordinal}"), "RegisterModule:ordinal",
                $"The DLL exports no 'RegisterModule' by name, only ordinal {ordinals} without a name (NONAME in the .def file); GetProcAddress(module, \"RegisterModule\") cannot find an ordinal-only export.");
        }
    }
}
