using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Notifications;

/// <summary>IISM2005: bits a mask does not define, or constants of the other kind (a GL_* in a request mask).</summary>
public sealed class IISM2005UndefinedNotificationBits : Rule
{
    public override string Id => RuleIds.UndefinedNotificationBits;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        foreach (var registration in model.Registrations)
        {
            var kind = registration.Kind == RegistrationKind.Request ? NotificationKind.Request : NotificationKind.Global;
            var masks = kind == NotificationKind.Request
                ? new[] { ("request", registration.Mask), ("post", registration.PostMask) }
                : [("global", registration.Mask)];
            foreach (var (name, mask) in masks)
            {
                var wrongPrefix = kind == NotificationKind.Request ? "GL_" : "RQ_";
                foreach (var constant in mask.NamedConstants.Where(c => c.StartsWith(wrongPrefix, StringComparison.Ordinal) && !c.Contains("_NOTIFICATION_")))
                {
                    yield return Report(model, context, registration.Location, $"{registration.ModuleClass}:{name}:{constant}",
                        $"The {name} mask uses {constant}, a {(kind == NotificationKind.Request ? "global" : "request")} notification constant; its bits mean something else here");
                }
                foreach (var (bit, notification) in IisContract.Decompose(mask.Value ?? 0, kind).Where(part => part.Notification is null))
                {
                    yield return Report(model, context, registration.Location, $"{registration.ModuleClass}:{name}:0x{bit:X8}",
                        $"The {name} mask sets bit 0x{bit:X8}, which httpserv.h does not define as a {(kind == NotificationKind.Request ? "RQ_" : "GL_")} notification");
                }
            }
        }
    }
}
