using System.Text.RegularExpressions;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>
/// Finds the header a translation unit starts with (its first #include, before any code: "pch.h", "precomp.h", the
/// module's own header). Translation units that start with the same header share one precompiled header of it,
/// as MSVC's /Yu does, so that windows.h and httpserv.h are parsed once per project instead of once per file.
/// </summary>
internal static partial class SharedPrologue
{
    [GeneratedRegex(@"^\s*#\s*include\s*([""<])([^"">]+)[>""]")]
    private static partial Regex Include();

    /// <summary>The trimmed lines of a file that are not blank and not comments (line comments and /* */ blocks).</summary>
    private static IEnumerable<string> MeaningfulLines(string path)
    {
        var inComment = false;
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (inComment || line.StartsWith("/*", StringComparison.Ordinal))
            {
                inComment = !line.Contains("*/", StringComparison.Ordinal);
                continue;
            }
            if (line.Length > 0 && !line.StartsWith("//", StringComparison.Ordinal))
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// Whether a header holds only preprocessor directives and comments (a precomp.h of #includes): then every
    /// declaration its PCH carries comes from elsewhere, and walking a translation unit can skip them all.
    /// </summary>
    public static bool IsDirectivesOnly(string header) => MeaningfulLines(header).All(line => line.StartsWith('#'));

    /// <summary>The full path of the first header <paramref name="source"/> includes before any code, or null.</summary>
    public static string? FirstHeader(string source, IReadOnlyList<string> includeDirectories)
    {
        foreach (var line in MeaningfulLines(source).Where(line => !line.StartsWith("#pragma once", StringComparison.Ordinal)))
        {
            var match = Include().Match(line);
            if (!match.Success)
            {
                return null; // code or another directive (a #define) comes first: the prologue is the file's own
            }
            var name = match.Groups[2].Value;
            var searched = match.Groups[1].Value == "\"" ? includeDirectories.Prepend(Path.GetDirectoryName(source)!) : includeDirectories;
            return searched.Select(directory => Path.GetFullPath(Path.Combine(directory, name))).FirstOrDefault(File.Exists);
        }
        return null;
    }
}
