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

    public static ExportConfiguration Configuration(string configuration, string platform, string? defPath, string? additionalOptions, SourceLocation location)
    {
        var exported = ExportOption().Matches(additionalOptions ?? "").Select(match => match.Groups[1].Value).ToList();
        var exists = defPath is not null && File.Exists(defPath);
        return new ExportConfiguration(configuration, platform, defPath, exists,
            exists && DefFile.NamedExports(defPath!).Contains(Contract.IisContract.RegisterModuleExportName), exported, location);
    }
}
