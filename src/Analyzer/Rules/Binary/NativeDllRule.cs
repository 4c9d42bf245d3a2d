using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Binary;

/// <summary>A rule about the exports or imports of a native DLL; other images are IISM1004's business.</summary>
public abstract class NativeDllRule : Rule
{
    public sealed override IEnumerable<Finding> Check(ModuleModel model, RuleContext context) =>
        model.Image is { IsDll: true, IsManaged: false } image ? Check(model, image, context) : [];

    protected abstract IEnumerable<Finding> Check(ModuleModel model, ImageFacts image, RuleContext context);

    protected static bool ExportsRegisterModuleByName(ImageFacts image) =>
        image.Exports.Any(export => export.Name == Contract.IisContract.RegisterModuleExportName);
}
