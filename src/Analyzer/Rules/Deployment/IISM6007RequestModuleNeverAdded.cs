using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Deployment;

/// <summary>IISM6007: the image registers request notifications, but no site's &lt;modules&gt; enables it: its handlers never run.</summary>
public sealed class IISM6007RequestModuleNeverAdded : DeploymentRule
{
    public override string Id => RuleIds.RequestModuleNeverAdded;

    public override IEnumerable<Finding> Check(DeploymentModel model, RuleContext context)
    {
        if (!model.IsServerConfig)
        {
            return [];
        }
        var enabled = model.Applications.SelectMany(application => model.EffectiveModules(application.ConfigPath))
            .Select(entry => entry.Name).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return model.GlobalModules
            .Where(module => module.ImageModel?.Registrations.Any(registration => registration.Kind == RegistrationKind.Request) == true && !enabled.Contains(module.Name))
            .Select(module => Report(model, context, module.Location, $"never-added:{module.Name}", Image(module), module.Name));
    }
}
