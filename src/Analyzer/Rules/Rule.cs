using IisModuleValidator.Model;

namespace IisModuleValidator.Rules;

/// <summary>
/// A rule: a pure function from a module model to findings. Its id ties it to rules/{Id}.md, which supplies
/// the level, title and message format.
/// </summary>
public abstract class Rule
{
    public abstract string Id { get; }

    public abstract IEnumerable<Finding> Check(ModuleModel model, RuleContext context);

    /// <summary>A finding with the catalog's default level and message format filled with <paramref name="arguments"/>.</summary>
    protected Finding Report(ModuleModel model, RuleContext context, SourceLocation location, string fingerprintKey, params string[] arguments) =>
        ReportWithRelated(model, context, location, fingerprintKey, [], arguments);

    protected Finding ReportWithRelated(ModuleModel model, RuleContext context, SourceLocation location, string fingerprintKey,
        IReadOnlyList<RelatedLocation> related, params string[] arguments)
    {
        var descriptor = context.Catalog[Id];
        return new Finding(model.InputPath, Id, descriptor.DefaultLevel, descriptor.FormatMessage(arguments), location, fingerprintKey, related);
    }
}
