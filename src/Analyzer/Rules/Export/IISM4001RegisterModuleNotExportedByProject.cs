using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Export;

/// <summary>
/// IISM4001: in a project configuration nothing exports RegisterModule (no .def entry, no /EXPORT, no
/// __declspec(dllexport)), or the .def file it names does not exist.
/// </summary>
public sealed class IISM4001RegisterModuleNotExportedByProject : Rule
{
    public override string Id => RuleIds.RegisterModuleNotExportedByProject;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        foreach (var configuration in model.Exports)
        {
            if (configuration.DefFile is { } def && !configuration.DefFileExists)
            {
                yield return Report(model, context, configuration.Location, $"{configuration.Name}:def",
                    configuration.Name, $"its module-definition file '{Path.GetFileName(def)}' does not exist, so the link fails or exports nothing")
                    with { Fixes = Repair(model, configuration) };
            }
            else if (model.EntryPoints.Count == 0 && model.SourcesIncomplete)
            {
                // RegisterModule may be in a file clang could not compile: IISM9005 says so, nothing more is known.
            }
            else if (!configuration.DefFileExportsRegisterModule
                     && !configuration.LinkerExports.Contains(IisContract.RegisterModuleExportName)
                     && !model.EntryPoints.Any(entry => entry.IsDllExport))
            {
                var why = model.EntryPoints.Count == 0
                    ? "no RegisterModule function is defined in its sources"
                    : "RegisterModule is in no .def EXPORTS, no /EXPORT: option and not __declspec(dllexport), so the linker drops it";
                yield return Report(model, context, configuration.Location, $"{configuration.Name}:none", configuration.Name, why)
                    with { Fixes = Repair(model, configuration) };
            }
        }
    }

    /// <summary>The project edits that export RegisterModule, offered only where the sources define it.</summary>
    private static IReadOnlyList<Fix> Repair(ModuleModel model, ExportConfiguration configuration) =>
        configuration.ExportRepair.Count > 0 && model.EntryPoints.Any(entry => entry.Name == IisContract.RegisterModuleExportName)
            ? [new Fix($"Export RegisterModule in {configuration.Name} through a module-definition file", configuration.ExportRepair)]
            : [];
}
