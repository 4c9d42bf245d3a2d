using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Deployment;

/// <summary>IISM6005: a &lt;modules&gt; add without type (a native module) names no entry of &lt;globalModules&gt;.</summary>
public sealed class IISM6005ModuleNotInGlobalModules : DeploymentRule
{
    public override string Id => RuleIds.ModuleNotInGlobalModules;

    public override IEnumerable<Finding> Check(DeploymentModel model, RuleContext context)
    {
        if (!model.IsServerConfig)
        {
            return [];
        }
        var defined = model.GlobalModules.Select(module => module.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return model.Modules.Where(entry => entry.Action == "add" && string.IsNullOrEmpty(entry.Type) && entry.Name is { } name && !defined.Contains(name))
            .Select(entry => Report(model, context, entry.Location, $"undefined:{entry.ConfigPath}:{entry.Name}", [], entry.Name!,
                entry.ConfigPath.Length == 0 ? "the server" : $"'{entry.ConfigPath}'"));
    }
}
