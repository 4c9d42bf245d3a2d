using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Deployment;

/// <summary>IISM6001: a global module's image does not exist (or is not a regular file) where the config says.</summary>
public sealed class IISM6001GlobalModuleImageMissing : DeploymentRule
{
    public override string Id => RuleIds.GlobalModuleImageMissing;

    public override IEnumerable<Finding> Check(DeploymentModel model, RuleContext context) =>
        model.GlobalModules.Where(module => module.ResolvedImage is not null && module.ImageMissing)
            .Select(module => Report(model, context, module.Location, $"image:{module.Name}", [], module.Name, module.Image, module.ResolvedImage!));
}
