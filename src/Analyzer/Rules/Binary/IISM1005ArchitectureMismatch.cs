using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Binary;

/// <summary>IISM1005: the image's machine is not the one given with --expect-arch.</summary>
public sealed class IISM1005ArchitectureMismatch : Rule
{
    public override string Id => RuleIds.ArchitectureMismatch;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        if (model.Image is not { IsManaged: false } image || context.ExpectedArchitecture is not { } expected
            || string.Equals(image.Machine, expected, StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }
        var consequence = expected switch
        {
            "x86" => "a 32-bit application pool (enable32BitAppOnWin64) cannot load it",
            _ => $"an {expected} worker process cannot load it",
        };
        yield return Report(model, context, SourceLocation.OfFile(model.InputPath), "machine", image.Machine, expected, consequence);
    }
}
