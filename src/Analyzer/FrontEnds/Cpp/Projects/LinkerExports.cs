using System.Text.RegularExpressions;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// How one configuration's link exports, from what every project format names the same way: its module-definition
/// file (resolved already) and the linker's additional options (/EXPORT:name).
/// </summary>
internal static partial class LinkerExports
{
    [GeneratedRegex(@"[/-]EXPORT:([^\s,=]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExportOption();

    [GeneratedRegex(@"^[ \t]*#[ \t]*pragma[ \t]+comment[ \t]*\([ \t]*linker[ \t]*,[ \t]*""([^""\r\n]*)""", RegexOptions.Multiline)]
    private static partial Regex LinkerPragma();

    /// <summary>
    /// The /EXPORT: names a source's text passes to the linker itself (#pragma comment(linker, "/EXPORT:RegisterModule")),
    /// with the line of each: a fact about every configuration that compiles the source.
    /// </summary>
    public static IReadOnlyList<(string Name, int Line)> FromPragmas(string text) =>
        [.. LinkerPragma().Matches(text).SelectMany(pragma => ExportOption().Matches(pragma.Groups[1].Value)
            .Select(option => (option.Groups[1].Value, text.AsSpan(0, pragma.Index).Count('\n') + 1)))];

    public static ExportConfiguration Configuration(string configuration, string platform, string? defPath, string? additionalOptions, SourceLocation location)
    {
        var exported = ExportOption().Matches(additionalOptions ?? "").Select(match => match.Groups[1].Value).ToList();
        var exists = defPath is not null && File.Exists(defPath);
        var exportsIt = exists && DefFile.NamedExports(defPath!).Contains(Contract.IisContract.RegisterModuleExportName);
        return new ExportConfiguration(configuration, platform, defPath, exists, exportsIt, exported, location)
        {
            ExportRepair = ExportRepairs.For(defPath, exists, exportsIt, exported, location),
        };
    }
}
