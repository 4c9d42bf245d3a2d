using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Notifications;

/// <summary>
/// IISM2002: a method that looks meant to override a handler but does not: the handler's name with other
/// parameter types or an extra const, or a name a typo away from a handler's. Error when that notification is
/// registered for the class, warning otherwise.
/// </summary>
public sealed class IISM2002HandlerDoesNotOverride : Rule
{
    private const int MaxTypoDistance = 2;

    public override string Id => RuleIds.HandlerDoesNotOverride;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        foreach (var moduleClass in model.Classes)
        {
            if (ModuleQueries.LayoutOf(moduleClass) is not { } layout)
            {
                continue;
            }
            var overridden = new HashSet<string>(moduleClass.Handlers.Where(handler => handler.Overrides).Select(handler => handler.Name), StringComparer.Ordinal);
            foreach (var handler in moduleClass.Handlers.Where(handler => !handler.Overrides))
            {
                if (Intended(handler.Name, layout, overridden) is not { } expected)
                {
                    continue;
                }
                var registered = IsRegistered(model, moduleClass, expected.Name);
                var detail = handler.Name == expected.Name
                    ? $"its signature {handler.Signature} differs from {layout.ClassName}::{expected.Name}({string.Join(", ", expected.ParameterTypes)})"
                    : $"'{handler.Name}' is not a {layout.ClassName} method; did you mean '{expected.Name}({string.Join(", ", expected.ParameterTypes)})'?";
                var consequence = registered
                    ? $"its notification is registered, so IIS calls {layout.ClassName}::{expected.Name}, which calls DebugBreak()"
                    : "it is never called";
                var finding = Report(model, context, handler.Location, $"{moduleClass.Name}:{handler.Name}",
                    $"{moduleClass.Name}::{handler.Name}", detail, consequence);
                // Corrected, a near miss whose notification is not registered is a handler IIS never calls (IISM2003):
                // then the correction is a choice beside registering or deleting it.
                var fix = model.Evidence == EvidenceSource.Cpp ? CppFixes.CorrectSignature(handler, expected) is { } corrected ? corrected with { IsChoice = !registered } : null : null;
                yield return finding with { Level = registered ? RuleLevel.Error : RuleLevel.Warning, Fixes = fix is null ? [] : [fix] };
            }
        }
    }

    /// <summary>Whether a method of the class is a near miss of <paramref name="handlerName"/>: IISM2002's fix makes it the handler.</summary>
    public static bool HasNearMiss(ModuleClass moduleClass, string handlerName)
    {
        if (ModuleQueries.LayoutOf(moduleClass) is not { } layout)
        {
            return false;
        }
        var overridden = new HashSet<string>(moduleClass.Handlers.Where(handler => handler.Overrides).Select(handler => handler.Name), StringComparer.Ordinal);
        return moduleClass.Handlers.Any(handler => !handler.Overrides && Intended(handler.Name, layout, overridden)?.Name == handlerName);
    }

    /// <summary>The handler a non-overriding method was meant to be, by exact name or by a small typo.</summary>
    private static VirtualMethod? Intended(string name, ClassLayout layout, HashSet<string> overridden)
    {
        var handlers = layout.Slots.Where(slot => slot.Default == DefaultBehavior.DebugBreak).ToList();
        if (handlers.FirstOrDefault(slot => slot.Name == name) is { } exact)
        {
            return overridden.Contains(exact.Name) ? null : exact; // an overload beside a real override is not a mistake
        }
        if (!name.StartsWith("On", StringComparison.Ordinal) || IISM2004PostEventDoesNotExist.IsNonexistentPostHandler(name))
        {
            return null;
        }
        return handlers
            .Where(slot => !overridden.Contains(slot.Name))
            .Select(slot => (Slot: slot, Distance: Text.EditDistance.Between(name.ToLowerInvariant(), slot.Name.ToLowerInvariant())))
            .Where(candidate => candidate.Distance <= MaxTypoDistance)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Slot)
            .FirstOrDefault();
    }

    private static bool IsRegistered(ModuleModel model, ModuleClass moduleClass, string handlerName) =>
        ModuleQueries.NotificationOf(handlerName, moduleClass.Base) is var (notification, isPost)
        && ModuleQueries.RegistrationsUsing(model, moduleClass).Any(registration => ModuleQueries.Includes(registration, notification.Bit, isPost));
}
