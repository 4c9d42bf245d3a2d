using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Binary;

/// <summary>IISM1005: the image's machine is not the one given with --expect-arch.</summary>
public sealed class IISM1005ArchitectureMismatch : Rule
{
    public override string Id => RuleIds.ArchitectureMismatch;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        if (model.Image is not { IsManaged: false } image || context.ExpectedArchitecture?.ToLowerInvariant() is not { } expected
            || Loads(expected, image.Machine))
        {
            yield break;
        }
        var consequence = (expected, image.Machine) switch
        {
            ("x86", _) => "a 32-bit application pool (enable32BitAppOnWin64) cannot load it",
            (_, "arm64ec") => expected == "arm64"
                ? "a native arm64 worker process cannot load ARM64EC code (only x64 worker processes on ARM64 Windows can)"
                : "ARM64EC code runs only on ARM64 Windows: an x64 worker process on an x64 server cannot load it",
            ("x64", "arm64x") => "an ARM64X image has no x64 code: an x64 worker process on an x64 server cannot load it",
            _ => $"an {expected} worker process cannot load it",
        };
        yield return Report(model, context, SourceLocation.OfFile(model.InputPath), "machine", image.Machine, expected, consequence);
    }

    /// <summary>
    /// Whether a worker process of the expected kind loads an image: x86 and x64 only their own; a native arm64 one an
    /// ARM64 or ARM64X image; an x64 one on ARM64 Windows ("arm64ec") x64, ARM64EC and ARM64X images.
    /// </summary>
    private static bool Loads(string expected, string machine) => expected switch
    {
        "arm64" => machine is "arm64" or "arm64x",
        "arm64ec" => machine is "arm64ec" or "arm64x" or "x64",
        _ => machine == expected,
    };
}
