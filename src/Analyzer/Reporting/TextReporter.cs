using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Reporting;

/// <summary>For people at a terminal: one block per file, its machine and kind, then its findings.</summary>
public sealed class TextReporter(RuleCatalog catalog) : IReporter
{
    public void Write(AnalysisReport report, TextWriter output)
    {
        foreach (var notification in report.Notifications.Where(notification => notification.FilePath is null))
        {
            output.WriteLine(LogLine.Neutralize($"{notification.Level.ToWord()} {notification.RuleId}: {notification.Message}"));
        }
        // A project's findings sit in its sources: each is listed under the input it came from, with its own file.
        var paths = report.Inputs.Select(input => input.FullPath)
            .Concat(report.Notifications.Where(notification => notification.FilePath is not null).Select(notification => notification.FilePath!))
            .Concat(report.Active.Select(InputOf))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var input = report.Inputs.FirstOrDefault(input => input.FullPath == path);
            var image = input?.Model?.Image;
            var kind = image is null ? "" : $" ({image.Machine} {(image.IsManaged ? "managed " : "")}{(image.IsDll ? "DLL" : "executable")})";
            var findings = report.Active.Where(finding => InputOf(finding) == path).ToList();
            var notifications = report.Notifications.Where(notification => notification.FilePath == path).ToList();
            output.Write(LogLine.Neutralize($"{PathDisplay.For(report.BaseDirectory, path)}{kind}"));
            if (findings.Count == 0 && notifications.Count == 0)
            {
                output.WriteLine(": ok");
                continue;
            }
            output.WriteLine();
            foreach (var notification in notifications)
            {
                output.WriteLine(LogLine.Neutralize($"  {notification.Level.ToWord(),-7} {notification.RuleId} {notification.Message}"));
            }
            foreach (var finding in findings)
            {
                var file = finding.Location.FilePath == path ? "" : PathDisplay.For(report.BaseDirectory, finding.Location.FilePath);
                var where = finding.Location.Line is { } line ? $" ({(file.Length > 0 ? $"{file}, " : "")}line {line})"
                    : finding.Location.Rva is { } rva ? $" (RVA 0x{rva:X})"
                    : file.Length > 0 ? $" ({file})" : "";
                output.WriteLine(LogLine.Neutralize($"  {finding.Level.ToWord(),-7} {finding.RuleId} {catalog[finding.RuleId].Title}{where}"));
                output.WriteLine(LogLine.Neutralize($"          {finding.Message}"));
            }
        }
    }

    private static string InputOf(Finding finding) => string.IsNullOrEmpty(finding.InputPath) ? finding.Location.FilePath : finding.InputPath;
}
