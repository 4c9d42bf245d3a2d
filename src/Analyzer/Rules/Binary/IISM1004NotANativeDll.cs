using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Binary;

/// <summary>IISM1004: a PE image that IIS cannot load as a native module: an executable or a managed assembly.</summary>
public sealed class IISM1004NotANativeDll : Rule
{
    public override string Id => RuleIds.NotANativeDll;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        if (model.Image is not { } image)
        {
            yield break;
        }
        var location = SourceLocation.OfFile(model.InputPath);
        if (image.IsManaged)
        {
            yield return Report(model, context, location, "managed",
                "The file is a managed (.NET) assembly, not a native DLL: it has no native RegisterModule for IIS to call. Register managed modules under <modules> with their type, or publish a C# native module with NativeAOT as a shared library.");
        }
        else if (!image.IsDll)
        {
            var exportsEntry = image.Exports.Any(export => export.Name == Contract.IisContract.RegisterModuleExportName)
                ? ", although it exports RegisterModule" : "";
            yield return Report(model, context, location, "executable",
                $"The file is an executable ({image.Subsystem} subsystem, IMAGE_FILE_DLL not set), not a DLL{exportsEntry}; IIS loads native modules with LoadLibrary and needs a DLL linked with /DLL.");
        }
    }
}
