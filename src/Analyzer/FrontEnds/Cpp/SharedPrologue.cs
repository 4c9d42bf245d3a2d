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
        foreach (var raw in Io.SafeFile.ReadLines(path))
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
    /// Whether a header holds only preprocessor directives and comments, and includes only headers that are not the
    /// project's own (&lt;windows.h&gt;, &lt;httpserv.h&gt;): then every declaration its PCH carries is the SDK's, and
    /// walking a translation unit can skip them all. A stdafx.h that includes "MyModule.h" (or &lt;MyModule.h&gt; found
    /// in the project's include folders) brings the module's own classes: those must be walked.
    /// </summary>
    public static bool IncludesOnlySystemHeaders(string header, IReadOnlyList<string> includeDirectories)
    {
        var projectFolders = includeDirectories.Prepend(Path.GetDirectoryName(header)!).ToList();
        foreach (var line in MeaningfulLines(header))
        {
            if (!line.StartsWith('#'))
            {
                return false;
            }
            var include = Include().Match(line);
            if (include.Success && (include.Groups[1].Value == "\""
                                    || projectFolders.Any(folder => File.Exists(Path.Combine(folder, include.Groups[2].Value)))))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// A file the source includes directly that is a device or FIFO ('#include "/dev/zero"'), which clang would read
    /// without end; null when there is none. Deeper includes are bounded by the parse worker's memory ceiling.
    /// </summary>
    public static string? IncludedSpecialFile(string source)
    {
        var folder = Path.GetDirectoryName(source)!;
        foreach (var line in MeaningfulLines(source).Where(line => line.StartsWith('#')))
        {
            var match = Include().Match(line);
            if (match.Success && Io.FileStatus.KindOf(Path.GetFullPath(match.Groups[2].Value, folder)) == Io.FileKind.Special)
            {
                return match.Groups[2].Value;
            }
        }
        return null;
    }

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
            return searched.Select(directory => Path.GetFullPath(Path.Combine(directory, name)))
                .FirstOrDefault(path => Io.FileStatus.KindOf(path) == Io.FileKind.RegularFile);
        }
        return null;
    }
}
