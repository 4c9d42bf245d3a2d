using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.CSharp;

/// <summary>
/// IISM5003: a method IIS calls (RegisterModule, a vtable slot) calls managed code that can throw outside a catch-all:
/// an exception reaching the unmanaged boundary terminates w3wp.exe.
/// </summary>
public sealed class IISM5003HandlerCanThrow : Rule
{
    public override string Id => RuleIds.HandlerCanThrow;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        if (model.Managed is not { } managed)
        {
            yield break;
        }
        var methods = managed.EntryPoints.Select(entry => (entry.MethodName, entry.UnprotectedCalls))
            .Concat(managed.SlotTargets.Select(target => (target.MethodName, target.UnprotectedCalls)))
            .Where(method => method.UnprotectedCalls.Count > 0)
            .GroupBy(method => method.MethodName)
            .Select(group => group.First());
        foreach (var (name, calls) in methods)
        {
            var first = calls[0];
            yield return Report(model, context, first.Location, $"{name}:throw", name, first.Expression);
        }
    }
}
