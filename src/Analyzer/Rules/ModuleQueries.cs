using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules;

/// <summary>Questions several rules ask of a module model: class chains, inherited overrides, what is registered.</summary>
public static class ModuleQueries
{
    /// <summary>The class and its user-defined ancestors, most derived first.</summary>
    public static IReadOnlyList<ModuleClass> Chain(ModuleModel model, string className)
    {
        var chain = new List<ModuleClass>();
        var pending = new Queue<string>([className]);
        while (pending.Count > 0 && chain.Count < 64)
        {
            if (model.FindClass(pending.Dequeue()) is { } found && !chain.Contains(found))
            {
                chain.Add(found);
                found.BaseClasses.ToList().ForEach(pending.Enqueue);
            }
        }
        return chain;
    }

    /// <summary>The override of <paramref name="handlerName"/> the class has or inherits from a class of the module.</summary>
    public static Handler? FindOverride(ModuleModel model, string className, string handlerName) =>
        Chain(model, className).SelectMany(moduleClass => moduleClass.Handlers).FirstOrDefault(handler => handler.Overrides && handler.Name == handlerName);

    /// <summary>The registrations whose module class is <paramref name="moduleClass"/> or derives from it.</summary>
    public static IReadOnlyList<Registration> RegistrationsUsing(ModuleModel model, ModuleClass moduleClass) =>
        [.. model.Registrations.Where(registration => registration.ModuleClass is { } name && Chain(model, name).Contains(moduleClass))];

    /// <summary>
    /// Whether a registration of the kind a <paramref name="kind"/> class takes names no class the model could follow
    /// (its factory or module comes from a call or macro whose result is unknown): it may register any such class.
    /// </summary>
    public static bool HasUnfollowedRegistration(ModuleModel model, ModuleBase kind) =>
        model.Registrations.Any(registration => registration.ModuleClass is null
            && registration.Kind == (kind == ModuleBase.GlobalModule ? RegistrationKind.Global : RegistrationKind.Request));

    /// <summary>The contract layout a class's handlers are checked against.</summary>
    public static ClassLayout? LayoutOf(ModuleClass moduleClass) => moduleClass.Base switch
    {
        ModuleBase.HttpModule => IisContract.CHttpModule,
        ModuleBase.GlobalModule => IisContract.CGlobalModule,
        _ => null,
    };

    /// <summary>The notification (and whether it is the post event) whose handler <paramref name="handlerName"/> is.</summary>
    public static (Notification Notification, bool IsPost)? NotificationOf(string handlerName, ModuleBase kind)
    {
        var notifications = kind == ModuleBase.GlobalModule ? IisContract.GlobalNotifications : IisContract.RequestNotifications;
        foreach (var notification in notifications)
        {
            if (notification.Handler == handlerName)
            {
                return (notification, false);
            }
            if (notification.PostHandler == handlerName)
            {
                return (notification, true);
            }
        }
        return null;
    }

    /// <summary>Whether the bit is in the right mask of a registration.</summary>
    public static bool Includes(Registration registration, uint bit, bool isPost) =>
        (isPost ? registration.PostMask.Value : registration.Mask.Value) is { } mask && (mask & bit) != 0;
}
