using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.CSharp;

/// <summary>IISM5004: a CGlobalModule vtable whose Terminate slot is never assigned.</summary>
public sealed class IISM5004GlobalModuleWithoutTerminate : Rule
{
    public override string Id => RuleIds.GlobalModuleWithoutTerminate;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        foreach (var vtable in model.Managed?.Vtables.Where(v => v.Base == ModuleBase.GlobalModule && !v.AssignedSlots.Contains("Terminate")) ?? [])
        {
            yield return Report(model, context, vtable.Location, $"{vtable.OwnerType}:Terminate", vtable.OwnerType);
        }
    }
}
