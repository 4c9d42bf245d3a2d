using IisModuleValidator.Catalog;
using System.Text.RegularExpressions;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Binary;

/// <summary>IISM1006: imports from a debug build of the Visual C++ or universal C runtime.</summary>
public sealed partial class IISM1006DependsOnDebugRuntime : NativeDllRule
{
    private const int FunctionsListedAtMost = 3;

    public override string Id => RuleIds.DependsOnDebugRuntime;

    // MSVCP140D, VCRUNTIME140D, VCRUNTIME140_1D, ucrtbased, MSVCR120D, CONCRT140D, VCOMP140D, MFC140UD, ...
    [GeneratedRegex(@"^(msvc[pr]\d+d|vcruntime\d+(_\d+)?d|ucrtbased|concrt\d+d|vcomp\d+d|vccorlib\d+d|mfc\d+u?d|atl\d+d)\.dll$",
        RegexOptions.IgnoreCase)]
    private static partial Regex DebugRuntimeDll();

    protected override IEnumerable<Finding> Check(ModuleModel model, ImageFacts image, RuleContext context)
    {
        foreach (var import in image.Imports.Where(import => DebugRuntimeDll().IsMatch(import.DllName))
                     .OrderBy(import => import.DllName, StringComparer.OrdinalIgnoreCase))
        {
            var functions = string.Join(", ", import.Functions.Take(FunctionsListedAtMost));
            var more = import.Functions.Count > FunctionsListedAtMost ? ", …" : "";
            var what = import.Functions.Count == 0 ? import.DllName : $"{import.DllName} ({functions}{more})";
            yield return Report(model, context, SourceLocation.OfFile(model.InputPath), import.DllName.ToLowerInvariant(), what);
        }
    }
}
