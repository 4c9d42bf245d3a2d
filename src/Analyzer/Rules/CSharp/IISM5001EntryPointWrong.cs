using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.CSharp;

/// <summary>
/// IISM5001: the C# RegisterModule is not what IIS can call: no [UnmanagedCallersOnly], an EntryPoint that is not
/// exactly "RegisterModule", or not (uint, IHttpModuleRegistrationInfo*, IHttpServer*) returning int (HRESULT).
/// </summary>
public sealed class IISM5001EntryPointWrong : Rule
{
    private static readonly HashSet<string> PointerLike = ["nint", "IntPtr", "nuint", "UIntPtr", "void*"];

    public override string Id => RuleIds.EntryPointWrong;

    public override IEnumerable<Finding> Check(ModuleModel model, RuleContext context)
    {
        if (model.Managed is not { } managed)
        {
            yield break;
        }
        var exported = managed.EntryPoints.Any(entry => entry.HasUnmanagedCallersOnly && entry.ExportedName == IisContract.RegisterModuleExportName);
        foreach (var entry in managed.EntryPoints)
        {
            var problems = new List<string>();
            if (!entry.HasUnmanagedCallersOnly)
            {
                problems.Add("it has no [UnmanagedCallersOnly(EntryPoint = \"RegisterModule\")], so NativeAOT does not export it");
            }
            else if (entry.ExportedName is null)
            {
                problems.Add("its [UnmanagedCallersOnly] has no EntryPoint, so NativeAOT does not export it");
            }
            else if (entry.ExportedName != IisContract.RegisterModuleExportName)
            {
                problems.Add($"it is exported as '{entry.ExportedName}', and export names are case-sensitive");
            }
            if (entry.ParameterTypes.Count != 3 || entry.ParameterTypes[0] is not ("uint" or "int")
                || !PointerType(entry.ParameterTypes[1], "IHttpModuleRegistrationInfo") || !PointerType(entry.ParameterTypes[2], "IHttpServer"))
            {
                problems.Add($"its parameters are ({string.Join(", ", entry.ParameterTypes)}), not (uint, IHttpModuleRegistrationInfo*, IHttpServer*)");
            }
            if (entry.ReturnType != "int")
            {
                problems.Add($"it returns {entry.ReturnType}, not int (the HRESULT)");
            }
            if (problems.Count > 0 && !(exported && entry.ExportedName != IisContract.RegisterModuleExportName && entry.ExportedName is not null))
            {
                yield return Report(model, context, entry.Location, $"entry:{entry.MethodName}", entry.MethodName, string.Join("; ", problems));
            }
        }
    }

    private static bool PointerType(string type, string name) => PointerLike.Contains(type) || type == name + "*";
}
