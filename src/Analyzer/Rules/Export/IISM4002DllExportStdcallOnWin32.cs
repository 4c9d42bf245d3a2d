using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Export;

/// <summary>
/// IISM4002: a Win32 configuration exports a __stdcall (WINAPI) RegisterModule only through __declspec(dllexport),
/// which exports the decorated name _RegisterModule@12.
/// </summary>
public sealed class IISM4002DllExportStdcallOnWin32 : Rule
{
    public override string Id => RuleIds.DllExportStdcallOnWin32;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        var entry = model.EntryPoints.FirstOrDefault(e => e.IsDllExport && e.CallingConvention == "stdcall" && e.HasCLinkage);
        if (entry is null)
        {
            yield break;
        }
        foreach (var configuration in model.Exports.Where(c => c.Platform.Equals("Win32", StringComparison.OrdinalIgnoreCase)))
        {
            if (!configuration.DefFileExportsRegisterModule && !configuration.LinkerExports.Contains(IisContract.RegisterModuleExportName))
            {
                yield return ReportWithRelated(model, context, configuration.Location, $"{configuration.Name}:decorated",
                    [new RelatedLocation(entry.Location, "RegisterModule is declared __declspec(dllexport) WINAPI here")],
                    configuration.Name, $"_RegisterModule@{IisContract.RegisterModuleX86ArgumentBytes}") with
                {
                    // A .def names the plain name: the same project edits that give a configuration its export (IISM4001).
                    Fixes = configuration.ExportRepair.Count > 0
                        ? [new Fix($"Export the plain name RegisterModule in {configuration.Name} through a module-definition file", configuration.ExportRepair)]
                        : [],
                };
            }
        }
    }
}
