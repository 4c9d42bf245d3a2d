using System.Security.Cryptography;
using IisModuleValidator.Catalog;
using IisModuleValidator.Io;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Analysis;

/// <summary>What every front end of one run shares: the catalog, the rules and their context, and how a result is phrased.</summary>
internal sealed class RunScope(RuleCatalog catalog, IReadOnlyList<Rule> rules, RuleContext context, AnalysisOptions options)
{
    public RuleCatalog Catalog => catalog;

    public IReadOnlyList<Rule> Rules => rules;

    public RuleContext Context => context;

    public AnalysisOptions Options => options;

    public List<Finding> Check(ModuleModel model) => [.. rules.SelectMany(rule => rule.Check(model, context))];

    public ToolNotification Notify(string ruleId, string path, params string[] details) => ToolNotification.Create(catalog, ruleId, path, details);

    /// <summary>A failure of ours on one input (a bug a hostile input found): that input's IISM9004, never the run's end.</summary>
    public InputResult Failed(string path, string? sha256, long length, Exception exception) =>
        new(new AnalyzedInput(path, sha256, length, null), [],
            [Notify(ToolNotificationIds.AnalysisFailed, path, $"{exception.GetType().Name}: {exception.Message}")]);

    /// <summary>A project, source or configuration read once under the text cap for its hash; the notification when it cannot be read.</summary>
    public InputResult? HashTextInput(string path, out string sha256, out long length)
    {
        (sha256, length) = ("", 0);
        try
        {
            var bytes = SafeFile.ReadAllBytes(path, SafeFile.MaxTextBytes);
            (sha256, length) = (Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new InputResult(null, [], [Notify(ToolNotificationIds.InputUnreadable, path, exception.Message)]);
        }
    }
}
