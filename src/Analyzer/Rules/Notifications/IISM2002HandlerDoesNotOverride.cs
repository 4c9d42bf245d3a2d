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
                yield return finding with { Level = registered ? RuleLevel.Error : RuleLevel.Warning };
            }
        }
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
            .Select(slot => (Slot: slot, Distance: EditDistance(name.ToLowerInvariant(), slot.Name.ToLowerInvariant())))
            .Where(candidate => candidate.Distance <= MaxTypoDistance)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Slot)
            .FirstOrDefault();
    }

    private static bool IsRegistered(ModuleModel model, ModuleClass moduleClass, string handlerName) =>
        ModuleQueries.NotificationOf(handlerName, moduleClass.Base) is var (notification, isPost)
        && ModuleQueries.RegistrationsUsing(model, moduleClass).Any(registration => ModuleQueries.Includes(registration, notification.Bit, isPost));

    private static int EditDistance(string left, string right)
    {
        var previous = Enumerable.Range(0, right.Length + 1).ToArray();
        for (var i = 1; i <= left.Length; i++)
        {
            var current = new int[right.Length + 1];
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1));
            }
            previous = current;
        }
        return previous[right.Length];
    }
}
