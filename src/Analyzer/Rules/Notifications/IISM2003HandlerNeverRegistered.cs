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
            if (registrations.Count == 0 || registrations.Any(r => !r.Mask.IsKnown || !r.PostMask.IsKnown))
            {
                continue;
            }
            foreach (var handler in moduleClass.Handlers.Where(handler => handler.Overrides))
            {
                if (ModuleQueries.NotificationOf(handler.Name, moduleClass.Base) is not var (notification, isPost)
                    || registrations.Any(registration => ModuleQueries.Includes(registration, notification.Bit, isPost)))
                {
                    continue;
                }
                var what = isPost ? $"{notification.Constant} (post)" : notification.Constant;
                yield return ReportWithRelated(model, context, handler.Location, $"{moduleClass.Name}:{handler.Name}",
                    [new RelatedLocation(moduleClass.Location, $"{moduleClass.Name} is declared here")], $"{moduleClass.Name}::{handler.Name}", what, moduleClass.Name);
            }
        }
    }
}
