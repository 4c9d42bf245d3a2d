using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Deployment;

/// <summary>IISM6004: a global module name is defined twice (IIS refuses the configuration), possibly with different images.</summary>
public sealed class IISM6004ModuleDefinedTwice : DeploymentRule
{
    public override string Id => RuleIds.ModuleDefinedTwice;

    public override IEnumerable<Finding> Check(DeploymentModel model, RuleContext context)
    {
        foreach (var group in model.GlobalModules.GroupBy(module => module.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            var first = group.First();
            foreach (var again in group.Skip(1))
            {
                var images = string.Equals(first.Image, again.Image, StringComparison.OrdinalIgnoreCase)
                    ? "with the same image"
                    : $"with another image ('{again.Image}' here, '{first.Image}' there)";
                yield return Report(model, context, again.Location, $"twice:{again.Name}",
                    [new RelatedLocation(first.Location, $"'{first.Name}' first defined here")], again.Name, first.Location.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?", images);
            }
        }
    }
}
