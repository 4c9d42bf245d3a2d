using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Notifications;

/// <summary>IISM2003: an overridden handler whose notification no registration of its class includes.</summary>
public sealed class IISM2003HandlerNeverRegistered : Rule
{
    public override string Id => RuleIds.HandlerNeverRegistered;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        foreach (var moduleClass in model.Classes.Where(moduleClass => moduleClass.Base is ModuleBase.HttpModule or ModuleBase.GlobalModule))
        {
            var registrations = ModuleQueries.RegistrationsUsing(model, moduleClass);
            // Only when every registration of the class is known: an unknown mask might include the bit.
            // Nor when a registration of its kind could not be followed to its class (a factory from an opaque call): it may be this one.
            if (registrations.Count == 0 || registrations.Any(r => !r.Mask.IsKnown || !r.PostMask.IsKnown) || ModuleQueries.HasUnfollowedRegistration(model, moduleClass.Base))
            {
                continue;
            }
            var unregistered = moduleClass.Handlers.Where(handler => handler.Overrides)
                .Select(handler => (Handler: handler, Notification: ModuleQueries.NotificationOf(handler.Name, moduleClass.Base)))
                .Where(pair => pair.Notification is { } found
                               && !registrations.Any(registration => ModuleQueries.Includes(registration, found.Notification.Bit, found.IsPost)))
                .ToList();
            // A class registered with empty masks that overrides many handlers is one mistake, not one per handler.
            if (unregistered.Count > 1 && registrations.All(registration => registration.Mask.Value == 0 && registration.PostMask.Value == 0))
            {
                yield return ReportWithRelated(model, context, moduleClass.Location, $"{moduleClass.Name}:registers-nothing",
                    [.. unregistered.Select(pair => new RelatedLocation(pair.Handler.Location, $"{moduleClass.Name}::{pair.Handler.Name} is overridden here"))],
                    $"{moduleClass.Name} overrides {unregistered.Count} handlers ({string.Join(", ", unregistered.Select(pair => pair.Handler.Name))})",
                    $"every registration of {moduleClass.Name} has an empty mask, so it registers no notification",
                    "any of them");
                continue;
            }
            foreach (var (handler, (notification, isPost)) in unregistered.Select(pair => (pair.Handler, pair.Notification!.Value)))
            {
                var what = isPost ? $"{notification.Constant} (post)" : notification.Constant;
                var choice = model.Evidence == EvidenceSource.Cpp ? CppFixes.RegisterHandler(registrations, notification.Constant, isPost) : null;
                yield return ReportWithRelated(model, context, handler.Location, $"{moduleClass.Name}:{handler.Name}",
                    [new RelatedLocation(moduleClass.Location, $"{moduleClass.Name} is declared here")],
                    $"{moduleClass.Name}::{handler.Name} handles {what}", $"no registration of {moduleClass.Name} includes it", "this handler")
                    with { Fixes = choice is null ? [] : [choice] };
            }
        }
    }
}
