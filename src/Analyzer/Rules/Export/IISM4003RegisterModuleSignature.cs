using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Export;

/// <summary>IISM4003: RegisterModule is not PFN_REGISTERMODULE: other types, not WINAPI, or exported under its C++-mangled name.</summary>
public sealed class IISM4003RegisterModuleSignature : Rule
{
    // PFN_REGISTERMODULE's parameter types with typedefs resolved, as the C++ front end normalizes them.
    private static readonly string[] CanonicalParameters = ["unsignedlong", "IHttpModuleRegistrationInfo*", "IHttpServer*"];

    public override string Id => RuleIds.RegisterModuleSignature;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        // link.exe and lld-link resolve an undecorated .def or /EXPORT: name to the C++ function: it exports as RegisterModule.
        var exportedByName = model.Exports.Any(configuration => configuration.DefFileExportsRegisterModule
                                                                || configuration.LinkerExports.Contains(IisContract.RegisterModuleExportName));
        foreach (var entry in model.EntryPoints.Where(entry => !entry.IsInvalid))
        {
            var problems = new List<string>();
            // Only __declspec(dllexport) proves the name is exported mangled: without it, nothing in loose sources says how
            // the DLL exports (a .def beside them may), and a project that exports it no way at all is IISM4001's case.
            if (!entry.HasCLinkage && entry.IsDllExport && !exportedByName)
            {
                problems.Add("it is __declspec(dllexport) but not extern \"C\", so its exported name is C++-mangled");
            }
            var parameters = entry.Parameters.Select(p => p.Normalized).ToList();
            if (!parameters.SequenceEqual(CanonicalParameters))
            {
                problems.Add($"its parameters are ({string.Join(", ", entry.Parameters.Select(p => p.AsWritten))}), not ({string.Join(", ", IisContract.RegisterModuleSignature.ParameterTypes)})");
            }
            if (entry.ReturnType is not ("HRESULT" or "long"))
            {
                problems.Add($"it returns {entry.ReturnType}, not HRESULT");
            }
            if (entry.CallingConvention != "stdcall")
            {
                problems.Add("it is not declared WINAPI (__stdcall): on x86 IIS calls it as stdcall and the stack is corrupted on return");
            }
            if (problems.Count > 0)
            {
                yield return Report(model, context, entry.Location, "RegisterModule:signature", string.Join("; ", problems));
            }
        }
    }
}
