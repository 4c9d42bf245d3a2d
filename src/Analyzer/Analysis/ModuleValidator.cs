using System.Security.Cryptography;
using IisModuleValidator.Catalog;
using IisModuleValidator.FrontEnds.Binary;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Analysis;

/// <summary>
/// The pipeline: resolve inputs, run the front end on each file, run every rule on each model, and collect
/// findings and notifications in a stable order. A bad input never stops the others.
/// </summary>
public sealed class ModuleValidator(RuleCatalog catalog, IReadOnlyList<Rule> rules)
{
    public ModuleValidator() : this(RuleCatalog.Default, RuleSet.All)
    {
    }

    public AnalysisReport Run(IEnumerable<string> inputs, string baseDirectory, string? expectedArchitecture = null)
    {
        var resolution = InputResolver.Resolve(inputs, baseDirectory, catalog);
        var context = new RuleContext(catalog, expectedArchitecture);
        var perFile = resolution.Files
            .AsParallel().AsOrdered()
            .Select(path => AnalyzeFile(path, context))
            .ToList();

        var findings = perFile.SelectMany(result => result.Findings)
            .OrderBy(finding => finding.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(finding => finding.Location.Line ?? 0)
            .ThenBy(finding => finding.Location.Column ?? 0)
            .ThenBy(finding => finding.RuleId, StringComparer.Ordinal)
            .ThenBy(finding => finding.FingerprintKey, StringComparer.Ordinal)
            .ToList();
        var notifications = resolution.Notifications
            .Concat(perFile.SelectMany(result => result.Notifications))
            .OrderBy(notification => notification.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(notification => notification.RuleId, StringComparer.Ordinal)
            .ThenBy(notification => notification.Message, StringComparer.Ordinal)
            .ToList();
        var analyzed = perFile.Where(result => result.Input is not null).Select(result => result.Input!).ToList();
        return new AnalysisReport(baseDirectory, analyzed, findings, notifications);
    }

    private sealed record FileResult(AnalyzedInput? Input, IReadOnlyList<Finding> Findings, IReadOnlyList<ToolNotification> Notifications);

    private FileResult AnalyzeFile(string path, RuleContext context)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new FileResult(null, [], [Notify(ToolNotificationIds.InputUnreadable, path, exception.Message)]);
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        try
        {
            var model = ModuleModel.FromImage(path, PeImageReader.Read(bytes));
            var findings = rules.SelectMany(rule => rule.Check(model, context)).ToList();
            return new FileResult(new AnalyzedInput(path, sha256, bytes.LongLength, model), findings, []);
        }
        catch (MalformedImageException exception)
        {
            return new FileResult(new AnalyzedInput(path, sha256, bytes.LongLength, null), [],
                [Notify(ToolNotificationIds.InputNotAValidImage, path, exception.Message)]);
        }
        catch (Exception exception)
        {
            return new FileResult(new AnalyzedInput(path, sha256, bytes.LongLength, null), [],
                [Notify(ToolNotificationIds.AnalysisFailed, path, $"{exception.GetType().Name}: {exception.Message}")]);
        }
    }

    private ToolNotification Notify(string ruleId, string path, string detail)
    {
        var descriptor = catalog[ruleId];
        return new ToolNotification(ruleId, descriptor.DefaultLevel, descriptor.FormatMessage([detail]), path);
    }
}
