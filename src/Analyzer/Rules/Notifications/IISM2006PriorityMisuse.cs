using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Notifications;

/// <summary>
/// IISM2006: a priority alias that is not one of PRIORITY_ALIAS_* (error), a priority for a notification that is
/// not registered (warning), and a reminder that RQ_SEND_RESPONSE runs in reverse priority order (note).
/// </summary>
public sealed class IISM2006PriorityMisuse : Rule
{
    public override string Id => RuleIds.PriorityMisuse;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        foreach (var priority in model.Priorities)
        {
            var key = $"{priority.Kind}:{priority.Notification.Value}:{priority.IsPost}";
            if (priority.Alias is { } alias && !IisContract.PriorityAliases.Values.Contains(alias))
            {
                yield return At(model, context, priority, key + ":alias", RuleLevel.Error,
                    $"'{alias}' is not a priority alias: IIS accepts only PRIORITY_ALIAS_FIRST, _HIGH, _MEDIUM, _LOW and _LAST (\"FIRST\", \"HIGH\", \"MEDIUM\", \"LOW\", \"LAST\")");
            }
            if (priority.Notification.Value is not { } bits)
            {
                continue;
            }
            var registrationKind = priority.Kind == NotificationKind.Request ? RegistrationKind.Request : RegistrationKind.Global;
            var registrations = model.Registrations.Where(r => r.Kind == registrationKind).ToList();
            var describe = IisContract.Describe(bits, priority.Kind);
            if (registrations.All(r => (priority.IsPost ? r.PostMask : r.Mask).IsKnown)
                && !registrations.Any(r => ModuleQueries.Includes(r, bits, priority.IsPost)))
            {
                yield return At(model, context, priority, key + ":unregistered", RuleLevel.Warning,
                    $"A priority is set for {(priority.IsPost ? "post " : "")}{describe}, which the module does not register: the priority has no effect");
            }
            if (priority.Kind == NotificationKind.Request && (bits & 0x20000000) != 0)
            {
                yield return At(model, context, priority, key + ":inverted", RuleLevel.Note,
                    "RQ_SEND_RESPONSE runs modules in reverse priority order: PRIORITY_ALIAS_HIGH runs late, not early");
            }
        }
    }

    private Finding At(ModuleModel model, RuleContext context, PriorityRegistration priority, string key, RuleLevel level, string message) =>
        Report(model, context, priority.Location, key, message) with { Level = level };
}
