using System.Text.RegularExpressions;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// What of MSBuild's evaluation may reach a message. Evaluation can expand any environment variable ($(GITHUB_TOKEN))
/// and, through property functions, the content of any readable file; a message that quoted an evaluated path would
/// carry them into SARIF and build logs. So a message quotes an item as the project writes it, and its evaluated path
/// only where every property it expands is one of the project's own locations or configuration. Property functions
/// that read files, folders, the environment or the registry, or run regular expressions, are refused: a project that
/// calls one is read by the validator's own evaluation, which calls none.
/// </summary>
internal static partial class EvaluatedText
{
    // The properties a path in a project commonly names, which hold nothing but the project's layout and configuration.
    private static readonly HashSet<string> LayoutProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "Configuration", "Platform", "PlatformTarget", "ProjectDir", "ProjectName", "ProjectFileName", "MSBuildProjectDirectory",
        "MSBuildProjectName", "MSBuildThisFileDirectory", "MSBuildThisFile", "SolutionDir", "SolutionName", "IntDir", "OutDir",
    };

    // $([Type]::Method(...)): the static property functions whose types only compute.
    private static readonly HashSet<string> ComputingTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "MSBuild", "System.String", "String", "System.IO.Path", "System.Math", "System.Version", "System.Convert",
        "System.Char", "System.Int32", "System.Int64", "System.Double", "System.Globalization.CultureInfo", "System.StringComparer",
    };

    // [MSBuild]:: functions that read beyond the text they are given.
    private static readonly HashSet<string> ReadingMsBuildFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "GetRegistryValue", "GetRegistryValueFromView", "GetVsInstallRoot", "GetMSBuildExtensionsPath", "GetProgramFiles32",
    };

    // File::Exists and Directory::Exists tell one bit about a path, as Exists() in a condition does: allowed.
    private static readonly HashSet<string> ExistenceTypes = new(StringComparer.OrdinalIgnoreCase) { "System.IO.File", "System.IO.Directory" };

    [GeneratedRegex(@"\$\(\s*\[\s*(?<type>[^\]\s]+)\s*\]\s*::\s*(?<method>\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex StaticFunction();

    [GeneratedRegex(@"\$\((?<name>[^)]*)\)", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyReference();

    /// <summary>The first property function in <paramref name="text"/> that evaluation must not run, as written; null when none.</summary>
    public static string? FirstRefusedFunction(string text)
    {
        foreach (Match match in StaticFunction().Matches(text))
        {
            var type = match.Groups["type"].Value;
            var method = match.Groups["method"].Value;
            if (ExistenceTypes.Contains(type) && method.Equals("Exists", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!ComputingTypes.Contains(type) || (type.Equals("MSBuild", StringComparison.OrdinalIgnoreCase) && ReadingMsBuildFunctions.Contains(method)))
            {
                return $"[{type}]::{method}";
            }
        }
        return text.Contains("$(Registry:", StringComparison.OrdinalIgnoreCase) ? "$(Registry:…)" : null;
    }

    /// <summary>True when every $(…) in <paramref name="written"/> is a plain layout property and it has no item or metadata references.</summary>
    public static bool ExpandsOnlyLayout(string written) =>
        !written.Contains("@(", StringComparison.Ordinal) && !written.Contains("%(", StringComparison.Ordinal)
        && PropertyReference().Matches(written).All(match => LayoutProperties.Contains(match.Groups["name"].Value.Trim()));

    /// <summary>How a message names a project item: its evaluated path where that shows nothing but the layout, else the item as written.</summary>
    public static string Describe(string evaluatedPath, string? written) =>
        written is null || ExpandsOnlyLayout(written)
            ? $"'{Io.BoundedText.Of(evaluatedPath, 400)}'"
            : $"'{Io.BoundedText.Of(written)}' (as the project writes it; its evaluated path is not shown)";
}
