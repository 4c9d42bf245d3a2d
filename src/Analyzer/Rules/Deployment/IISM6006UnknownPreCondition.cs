using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Deployment;

/// <summary>IISM6006: a preCondition token IIS does not define (a typo such as bitness46 or integratedmode).</summary>
public sealed class IISM6006UnknownPreCondition : DeploymentRule
{
    public override string Id => RuleIds.UnknownPreCondition;

    public override IEnumerable<Finding> Check(DeploymentModel model, RuleContext context) =>
        model.GlobalModules.Select(module => (module.Name, module.PreCondition, module.Location))
            .Concat(model.Modules.Where(entry => entry.Action == "add").Select(entry => (Name: entry.Name ?? "", entry.PreCondition, entry.Location)))
            .SelectMany(entry => PreConditions.Tokens(entry.PreCondition).Where(token => !PreConditions.IsDefined(token))
                .Select(token => Report(model, context, entry.Location, $"precondition:{entry.Name}:{token}", [], token, entry.Name)));
}
