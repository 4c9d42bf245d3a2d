using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.CSharp;

/// <summary>
/// IISM5002: a vtable slot points at a method without [UnmanagedCallersOnly], or whose CallConvs lack
/// CallConvMemberFunction: IIS calls slots as C++ member functions (thiscall on x86).
/// </summary>
public sealed class IISM5002SlotTargetCallingConvention : Rule
{
    public override string Id => RuleIds.SlotTargetCallingConvention;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        foreach (var target in model.Managed?.SlotTargets ?? [])
        {
            var problem = !target.HasUnmanagedCallersOnly
                ? "has no [UnmanagedCallersOnly]"
                : !target.CallingConventions.Contains("CallConvMemberFunction")
                    ? "is [UnmanagedCallersOnly] without CallConvs = [typeof(CallConvMemberFunction)], so on x86 it expects stdcall while IIS calls it as a thiscall member function"
                    : null;
            if (problem is not null)
            {
                yield return Report(model, context, target.Location, $"{target.VtableType}:{target.Slot}", target.MethodName, $"{target.VtableType}.{target.Slot}", problem);
            }
        }
    }
}
