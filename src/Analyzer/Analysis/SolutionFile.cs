using System.Text.RegularExpressions;
using IisModuleValidator.FrontEnds.Cpp.Projects;
using IisModuleValidator.Io;

namespace IisModuleValidator.Analysis;

/// <summary>The C++ and C# projects a Visual Studio solution (.sln) lists, with its Windows paths resolved here.</summary>
internal static partial class SolutionFile
{
    private static readonly string[] ProjectExtensions = [".vcxproj", ".vcproj", ".csproj"];

    // Project("{type GUID}") = "name", "relative\path.vcxproj", "{project GUID}"
    [GeneratedRegex(@"^\s*Project\(""[^""]*""\)\s*=\s*""[^""]*""\s*,\s*""([^""]+)""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();

    public static (IReadOnlyList<string> Projects, IReadOnlyList<string> Missing) Projects(string solution)
    {
        var directory = Path.GetDirectoryName(solution)!;
        var projects = new List<string>();
        var missing = new List<string>();
        foreach (Match match in ProjectLine().Matches(SafeFile.ReadAllText(solution)))
        {
            var relative = match.Groups[1].Value;
            if (!ProjectExtensions.Contains(Path.GetExtension(relative), StringComparer.OrdinalIgnoreCase))
            {
                continue; // solution folders, other languages
            }
            var path = WindowsPath.Resolve(relative, directory);
            (File.Exists(path) ? projects : missing).Add(File.Exists(path) ? path : relative);
        }
        return (projects, missing);
    }
}
