using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Deployment;

/// <summary>IISM6003: a pool whose worker processes load the module has the other bitness than its image.</summary>
public sealed class IISM6003GlobalModuleBitness : DeploymentRule
{
    public override string Id => RuleIds.GlobalModuleBitness;

    public override IEnumerable<Finding> Check(DeploymentModel model, RuleContext context)
    {
        foreach (var module in model.GlobalModules)
        {
            if (module.ImageModel?.Image is not { IsManaged: false, Machine: "x86" or "x64" } image)
            {
                continue;
            }
            var wants32 = image.Machine == "x86";
            var wrong = PreConditions.Running(model)
                .Where(pool => PreConditions.Admits(module.PreCondition, pool) && pool.Enable32BitAppOnWin64 != wants32)
                .Select(pool => pool.Name).Order(StringComparer.Ordinal).ToList();
            if (wrong.Count == 0)
            {
                continue;
            }
            var pools = string.Join(", ", wrong.Select(name => $"'{name}'"));
            var fix = wants32 ? "add preCondition=\"bitness32\" (and register a 64-bit build with bitness64)" : "add preCondition=\"bitness64\" (and register a 32-bit build with bitness32)";
            yield return Report(model, context, module.Location, $"bitness:{module.Name}", Image(module),
                module.Name, image.Machine, pools, wants32 ? "64-bit" : "32-bit", fix);
        }
    }
}
