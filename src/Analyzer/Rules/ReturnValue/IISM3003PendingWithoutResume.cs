using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.ReturnValue;

/// <summary>
/// IISM3003: a request handler returns RQ_NOTIFICATION_PENDING while nothing in the module can resume the request:
/// no OnAsyncCompletion override and no IndicateCompletion/PostCompletion call.
/// </summary>
public sealed class IISM3003PendingWithoutResume : Rule
{
    private static readonly int Pending = IisContract.RequestNotificationStatus.Single(s => s.Name == "RQ_NOTIFICATION_PENDING").Value;

    public override string Id => RuleIds.PendingWithoutResume;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        if (model.CompletionCalls.Count > 0)
        {
            yield break;
        }
        foreach (var moduleClass in model.Classes.Where(c => c.Base == ModuleBase.HttpModule))
        {
            if (ModuleQueries.FindOverride(model, moduleClass.Name, "OnAsyncCompletion") is not null)
            {
                continue;
            }
            foreach (var handler in moduleClass.Handlers)
            {
                foreach (var site in handler.Returns.Where(site => site.Value == Pending && site.ConvertedFrom is null))
                {
                    yield return Report(model, context, site.Location, $"{moduleClass.Name}:{handler.Name}:pending",
                        $"{moduleClass.Name}::{handler.Name}", moduleClass.Name);
                }
            }
        }
    }
}
