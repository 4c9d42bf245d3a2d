using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Deployment;

/// <summary>IISM6002: the image exists but the binary checks say IIS cannot use it as a native module.</summary>
public sealed class IISM6002GlobalModuleImageNotAModule : DeploymentRule
{
    // No RegisterModule under its plain name, exported by ordinal or forwarded, or not a native DLL.
    private static readonly HashSet<string> Unloadable = [RuleIds.RegisterModuleNotExported, RuleIds.RegisterModuleExportedUnderDecoratedName, RuleIds.RegisterModuleExportedByOrdinalOrForwarded, RuleIds.NotANativeDll];

    public override string Id => RuleIds.GlobalModuleImageNotAModule;

    public override IEnumerable<Finding> Check(DeploymentModel model, RuleContext context) =>
        model.GlobalModules.SelectMany(module => module.ImageFindings.Where(finding => Unloadable.Contains(finding.RuleId))
            .Select(finding => Report(model, context, module.Location, $"not-a-module:{module.Name}:{finding.RuleId}",
                [.. Image(module), new RelatedLocation(finding.Location, $"{finding.RuleId}: {finding.Message}")],
                module.Name, finding.RuleId, finding.Message)));
}
