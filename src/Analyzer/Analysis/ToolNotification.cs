using IisModuleValidator.Catalog;

namespace IisModuleValidator.Analysis;

/// <summary>
/// Something about the run rather than about a module: an input that was missing, unreadable or not a PE, a
/// source clang could not fully parse. <paramref name="FilePath"/> is null when no file stands behind it.
/// </summary>
public sealed record ToolNotification(string RuleId, RuleLevel Level, string Message, string? FilePath)
{
    /// <summary>A notification with the catalog's level and message format for <paramref name="ruleId"/>.</summary>
    public static ToolNotification Create(RuleCatalog catalog, string ruleId, string? filePath, params string[] arguments)
    {
        var descriptor = catalog[ruleId];
        return new ToolNotification(ruleId, descriptor.DefaultLevel, descriptor.FormatMessage(arguments), filePath);
    }
}

/// <summary>The ids of the tool notifications (rules/IISM9xxx.md).</summary>
public static class ToolNotificationIds
{
    public const string InputNotFound = "IISM9001";
    public const string InputUnreadable = "IISM9002";
    public const string InputNotAValidImage = "IISM9003";
    public const string AnalysisFailed = "IISM9004";
    public const string SourceAnalysisDegraded = "IISM9005";
    public const string IisHeadersUnavailable = "IISM9006";
    public const string CppFrontEndUnavailable = "IISM9007";
    public const string ProjectUnreadable = "IISM9008";
    public const string BinaryRecoveryIncomplete = "IISM9009";
    public const string ProjectItemSkipped = "IISM9010";
    public const string SuppressionIgnored = "IISM9011";
    public const string ConfigPathUnresolved = "IISM9012";
    public const string ParseCacheUntrusted = "IISM9013";

    public static IReadOnlyList<string> All { get; } =
        [InputNotFound, InputUnreadable, InputNotAValidImage, AnalysisFailed, SourceAnalysisDegraded, IisHeadersUnavailable, CppFrontEndUnavailable, ProjectUnreadable, BinaryRecoveryIncomplete, ProjectItemSkipped,
         SuppressionIgnored, ConfigPathUnresolved, ParseCacheUntrusted];
}
