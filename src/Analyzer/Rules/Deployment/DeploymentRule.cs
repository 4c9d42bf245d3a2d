using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Deployment;

/// <summary>
/// A 6xxx rule: a pure function from what an IIS configuration wires together (a <see cref="DeploymentModel"/>, with
/// what the binary front end read from each module image) to findings at config lines. It has nothing to say about
/// one module's code.
/// </summary>
public abstract class DeploymentRule : Rule
{
    public sealed override IEnumerable<Finding> Check(ModuleModel model, RuleContext context) => [];

    public abstract IEnumerable<Finding> Check(DeploymentModel model, RuleContext context);

    protected Finding Report(DeploymentModel model, RuleContext context, SourceLocation location, string fingerprintKey,
        IReadOnlyList<RelatedLocation> related, params string[] arguments)
    {
        var descriptor = context.Catalog[Id];
        return new Finding(model.InputPath, Id, descriptor.DefaultLevel, descriptor.FormatMessage(arguments), location, fingerprintKey, related);
    }

    /// <summary>The image as a related place, for a finding at the config line that loads it.</summary>
    protected static IReadOnlyList<RelatedLocation> Image(GlobalModuleEntry module) =>
        module.ResolvedImage is { } image ? [new RelatedLocation(SourceLocation.OfFile(image), $"the image of '{module.Name}'")] : [];
}
