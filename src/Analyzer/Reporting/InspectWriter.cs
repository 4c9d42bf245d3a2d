using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;

namespace IisModuleValidator.Reporting;

/// <summary>The `inspect` view of one binary, for a person: headers, exports, imports, and what the rules make of them.</summary>
public sealed class InspectWriter(RuleCatalog catalog)
{
    public void Write(AnalysisReport report, AnalyzedInput input, TextWriter output)
    {
        output.WriteLine(PathDisplay.For(report.BaseDirectory, input.FullPath));
        if (input.Sha256 is not null)
        {
            output.WriteLine($"  sha-256:   {input.Sha256}");
            output.WriteLine($"  size:      {input.Length} bytes");
        }
        if (input.Model is { } model)
        {
            if (model.Image is { } image)
            {
                WriteImage(image, output);
            }
            if (ModuleGroups.Of(input) is { Count: > 0 } groups)
            {
                // A CMake tree's targets, configurations whose code differs: each model, or a finding of one would read
                // against another's masks.
                var writer = new ModelWriter(report.BaseDirectory);
                IReadOnlyList<string> previousExports = [];
                foreach (var group in groups)
                {
                    output.WriteLine($"  for {string.Join(", ", group.For)}:");
                    var exports = writer.ExportLines(group.Model).ToList();
                    writer.Write(group.Model, output, withExports: !exports.SequenceEqual(previousExports));
                    previousExports = exports;
                }
            }
            else
            {
                new ModelWriter(report.BaseDirectory).Write(model, output);
            }
        }
        var findings = report.Findings.Where(finding => finding.InputPath == input.FullPath).ToList();
        output.WriteLine(findings.Count == 0 ? "  findings:  none" : $"  findings:  {findings.Count}");
        foreach (var finding in findings)
        {
            output.WriteLine($"    {finding.Level.ToWord()} {finding.RuleId} {catalog[finding.RuleId].Title}: {finding.Message}"
                + (finding.Suppression is { } suppression ? $" [suppressed: {suppression.Justification}]" : ""));
        }
    }

    private static void WriteImage(Model.ImageFacts image, TextWriter output)
    {
        output.WriteLine($"  machine:   {image.Machine} (0x{image.MachineCode:X4}), {(image.Is64Bit ? "PE32+" : "PE32")}");
        output.WriteLine($"  kind:      {(image.IsManaged ? "managed (.NET) " : "native ")}{(image.IsDll ? "DLL" : "executable")}, subsystem {image.Subsystem}");

        output.WriteLine(image.ExportDirectoryName is null
            ? $"  exports:   {image.Exports.Count}"
            : $"  exports:   {image.Exports.Count} (export directory names the DLL '{image.ExportDirectoryName}')");
        foreach (var export in image.Exports.OrderBy(export => export.Ordinal))
        {
            var target = export.Forwarder is { } forwarder ? $"-> {forwarder}" : $"RVA 0x{export.Rva:X}";
            output.WriteLine($"    @{export.Ordinal,-4} {export.Name ?? "(no name)",-40} {target}");
        }

        output.WriteLine($"  imports:   {image.Imports.Count} DLL(s)");
        foreach (var import in image.Imports)
        {
            var delay = import.IsDelayLoad ? " (delay-loaded)" : "";
            output.WriteLine($"    {import.DllName}{delay}: {string.Join(", ", import.Functions)}");
        }

        var entry = image.Exports.FirstOrDefault(export => export.Name == IisContract.RegisterModuleExportName);
        output.WriteLine(entry switch
        {
            null => "  RegisterModule: not exported by name",
            { Forwarder: { } forwarder } => $"  RegisterModule: forwarded to {forwarder}",
            _ => $"  RegisterModule: exported by name at RVA 0x{entry.Rva:X}",
        });
    }
}
