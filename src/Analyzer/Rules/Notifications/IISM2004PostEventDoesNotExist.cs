using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Notifications;

/// <summary>
/// IISM2004: a post bit for a notification that has no post event (RQ_SEND_RESPONSE, RQ_MAP_PATH, RQ_READ_ENTITY,
/// RQ_CUSTOM_NOTIFICATION), or a method named like the post handler IIS would never call.
/// </summary>
public sealed class IISM2004PostEventDoesNotExist : Rule
{
    public override string Id => RuleIds.PostEventDoesNotExist;

    private static readonly IReadOnlyDictionary<string, Notification> NonexistentPostHandlers =
        IisContract.RequestNotifications.Where(n => n.Handler is not null && n.PostHandler is null)
            .ToDictionary(n => "OnPost" + n.Handler!.Substring("On".Length), StringComparer.Ordinal);

    public static bool IsNonexistentPostHandler(string name) => NonexistentPostHandlers.ContainsKey(name);

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        foreach (var registration in model.Registrations.Where(r => r.Kind == RegistrationKind.Request))
        {
            foreach (var (bit, notification) in IisContract.Decompose(registration.PostMask.Value ?? 0, NotificationKind.Request))
            {
                if (notification is { PostHandler: null })
                {
                    // One fix for the mask, the same on each of its findings: it takes out every such bit at once.
                    var fix = CppFixes.RemovePostBitsWithoutPostEvent(registration);
                    yield return Report(model, context, registration.Location, $"{registration.ModuleClass}:post:{notification.Constant}",
                        $"The post mask includes {notification.Constant}, which has no post event: SetRequestNotifications fails or the bit is ignored, and no OnPost handler is ever called")
                        with { Fixes = fix is null ? [] : [fix] };
                }
            }
        }
        foreach (var moduleClass in model.Classes.Where(c => c.Base == ModuleBase.HttpModule))
        {
            foreach (var handler in moduleClass.Handlers.Where(h => NonexistentPostHandlers.ContainsKey(h.Name)))
            {
                var notification = NonexistentPostHandlers[handler.Name];
                var finding = Report(model, context, handler.Location, $"{moduleClass.Name}:{handler.Name}",
                    $"{moduleClass.Name}::{handler.Name} is never called: {notification.Constant} has no post event (CHttpModule has no {handler.Name})");
                yield return finding with { Level = RuleLevel.Warning };
            }
        }
    }
}
