using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.ReturnValue;

/// <summary>
/// IISM3004: the factory places the module in IModuleAllocator memory, but the module keeps CHttpModule::Dispose,
/// whose 'delete this' frees memory the C++ heap never gave out.
/// </summary>
public sealed class IISM3004ModuleAllocatorWithDefaultDispose : Rule
{
    public override string Id => RuleIds.ModuleAllocatorWithDefaultDispose;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        foreach (var moduleClass in model.Classes.Where(c => c.AllocatedWithModuleAllocator && c.Base == ModuleBase.HttpModule))
        {
            if (ModuleQueries.FindOverride(model, moduleClass.Name, "Dispose") is null)
            {
                yield return Report(model, context, moduleClass.Location, $"{moduleClass.Name}:Dispose", moduleClass.Name);
            }
        }
    }
}
