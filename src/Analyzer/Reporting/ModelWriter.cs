using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Reporting;

/// <summary>The module model in words: registrations, priorities, module classes and their handlers.</summary>
public sealed class ModelWriter(string baseDirectory)
{
    /// <param name="withExports">False where the module before it in the output had the same export lines.</param>
    public void Write(ModuleModel model, TextWriter output, bool withExports = true)
    {
        if (model.Evidence == EvidenceSource.Binary && model.Registrations.Count == 0 && model.Classes.Count == 0)
        {
            output.WriteLine("  registrations: none recovered");
            return;
        }
        foreach (var entry in model.EntryPoints)
        {
            var linkage = entry.HasCLinkage ? "extern \"C\"" : "C++ linkage";
            output.WriteLine($"  entry point: {entry.ReturnType} {entry.CallingConvention} {entry.Name}({string.Join(", ", entry.Parameters.Select(p => p.AsWritten))}), {linkage}{(entry.IsDllExport ? ", __declspec(dllexport)" : "")} at {Where(entry.Location)}");
        }
        foreach (var line in withExports ? ExportLines(model) : [])
        {
            output.WriteLine(line);
        }
        output.WriteLine($"  registrations: {model.Registrations.Count}");
        foreach (var registration in model.Registrations)
        {
            var kind = registration.Kind == RegistrationKind.Request ? NotificationKind.Request : NotificationKind.Global;
            var target = registration.Kind == RegistrationKind.Request
                ? $"factory {registration.FactoryClass ?? "?"} creates {registration.ModuleClass ?? "?"}"
                : $"global module {registration.ModuleClass ?? "?"}";
            var confidence = registration.Evidence == EvidenceSource.Binary
                ? $" [{registration.Confidence.ToString().ToLowerInvariant()}{(registration.ConfidenceReason is { } reason ? $": {reason}" : "")}]"
                : "";
            output.WriteLine($"    {(registration.Kind == RegistrationKind.Request ? "SetRequestNotifications" : "SetGlobalNotifications")} at {Where(registration.Location)}: {target}{confidence}");
            output.WriteLine($"      mask: {Mask(registration.Mask, kind)}");
            if (registration.Kind == RegistrationKind.Request)
            {
                output.WriteLine($"      post: {Mask(registration.PostMask, kind)}");
            }
        }
        foreach (var priority in model.Priorities)
        {
            output.WriteLine($"    priority {priority.Alias ?? "?"} for {(priority.IsPost ? "post " : "")}{Mask(priority.Notification, priority.Kind)} at {Where(priority.Location)}");
        }
        output.WriteLine($"  classes: {model.Classes.Count}");
        foreach (var moduleClass in model.Classes)
        {
            output.WriteLine($"    {moduleClass.Name} : {string.Join(", ", moduleClass.BaseClasses)} at {Where(moduleClass.Location)}{(moduleClass.AllocatedWithModuleAllocator ? " (in IModuleAllocator memory)" : "")}");
            foreach (var handler in moduleClass.Handlers)
            {
                var returns = handler.Returns.Count == 0 ? "" : $" returns {string.Join(", ", handler.Returns.Select(r => r.Value is { } v ? $"{r.Expression}={v}" : r.Expression))}";
                output.WriteLine($"      {(handler.Overrides ? "override" : "        ")} {handler.Name}({string.Join(", ", handler.Parameters.Select(p => p.AsWritten))}) at {Where(handler.Location)}{returns}");
            }
        }
    }

    /// <summary>How each configuration exports RegisterModule, a line each.</summary>
    public IEnumerable<string> ExportLines(ModuleModel model) => model.Exports.Select(export =>
    {
        var def = export.DefFile is null ? "no .def" : $".def {Display(export.DefFile)}{(export.DefFileExists ? "" : " (missing)")}{(export.DefFileExportsRegisterModule ? " exports RegisterModule" : "")}";
        return $"  configuration {export.Name}: {def}{(export.LinkerExports.Count > 0 ? $", /EXPORT:{string.Join(" /EXPORT:", export.LinkerExports)}" : "")}";
    });

    private static string Mask(MaskValue mask, NotificationKind kind) =>
        mask.Value is { } value ? $"{IisContract.Describe(value, kind)} (0x{value:X8})" : $"unknown: {mask.UnknownReason}";

    private string Where(SourceLocation location) =>
        location.Line is { } line ? $"{Display(location.FilePath)}:{line}"
        : location.Rva is { } rva ? $"RVA 0x{rva:X}"
        : Display(location.FilePath);

    private string Display(string path) => PathDisplay.For(baseDirectory, path);
}
