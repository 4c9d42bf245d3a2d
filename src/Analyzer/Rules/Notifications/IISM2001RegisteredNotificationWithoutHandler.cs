using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Notifications;

/// <summary>IISM2001: a registered notification whose handler the module class does not override.</summary>
public sealed class IISM2001RegisteredNotificationWithoutHandler : Rule
{
    public override string Id => RuleIds.RegisteredNotificationWithoutHandler;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        foreach (var registration in model.Registrations)
        {
            if (registration.ModuleClass is not { } className || model.FindClass(className) is not { } moduleClass)
            {
                continue;
            }
            var kind = registration.Kind == RegistrationKind.Request ? NotificationKind.Request : NotificationKind.Global;
            var baseName = kind == NotificationKind.Request ? "CHttpModule" : "CGlobalModule";
            var related = new[] { new RelatedLocation(moduleClass.Location, $"{className} is declared here") };
            foreach (var (bit, isPost) in RegisteredBits(registration))
            {
                if (IisContract.Decompose(bit, kind).Single().Notification is not { } notification
                    || (isPost ? notification.PostHandler : notification.Handler) is not { } handler
                    || ModuleQueries.FindOverride(model, className, handler) is not null)
                {
                    continue; // undefined bits and post bits without a post event are IISM2005/IISM2004
                }
                var what = isPost ? $"{notification.Constant} (post)" : notification.Constant;
                var (missing, consequence) = model.Evidence == EvidenceSource.CSharp
                    ? ($"never assigns the {handler} slot of its {baseName} vtable", "IIS calls a null function pointer and the worker process crashes")
                    : ($"does not override {handler}", $"IIS will call {baseName}::{handler}, which calls DebugBreak() and takes the worker process down");
                // A near miss of the handler is corrected by IISM2002's fix; adding one beside it would not compile.
                var fix = model.Evidence == EvidenceSource.Cpp && !IISM2002HandlerDoesNotOverride.HasNearMiss(moduleClass, handler)
                    ? CppFixes.AddHandler(moduleClass, handler) : null;
                yield return ReportWithRelated(model, context, registration.Location, $"{className}:{handler}", related,
                    what, className, missing, consequence) with
                {
                    Fixes = fix is null ? [] : [fix],
                    Properties = new Dictionary<string, string>
                    {
                        [FindingProperties.Evidence] = registration.Evidence.ToString().ToLowerInvariant(),
                        [FindingProperties.Confidence] = registration.Confidence.ToString().ToLowerInvariant(),
                        // What a code fix needs to add the handler.
                        [FindingProperties.Handler] = handler,
                        [FindingProperties.Vtable] = baseName,
                    },
                };
            }
        }
    }

    private static IEnumerable<(uint Bit, bool IsPost)> RegisteredBits(Registration registration)
    {
        foreach (var (bit, _) in IisContract.Decompose(registration.Mask.Value ?? 0, NotificationKind.Request))
        {
            yield return (bit, false);
        }
        foreach (var (bit, _) in IisContract.Decompose(registration.PostMask.Value ?? 0, NotificationKind.Request))
        {
            yield return (bit, true);
        }
    }
}
