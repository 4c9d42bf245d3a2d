using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Deployment;

/// <summary>IISM6008: the image registers only global notifications, yet &lt;modules&gt; adds it: that has no effect.</summary>
public sealed class IISM6008GlobalOnlyModuleAdded : DeploymentRule
{
    public override string Id => RuleIds.GlobalOnlyModuleAdded;

    public override IEnumerable<Finding> Check(DeploymentModel model, RuleContext context)
    {
        var globalOnly = model.GlobalModules
            .Where(module => module.ImageModel?.Registrations is { Count: > 0 } registrations && registrations.All(registration => registration.Kind == RegistrationKind.Global))
            .ToDictionary(module => module.Name, StringComparer.OrdinalIgnoreCase);
        return model.Modules.Where(entry => entry.Action == "add" && entry.Name is { } name && globalOnly.ContainsKey(name))
            .Select(entry => Report(model, context, entry.Location, $"global-only:{entry.ConfigPath}:{entry.Name}", Image(globalOnly[entry.Name!]), entry.Name!));
    }
}
