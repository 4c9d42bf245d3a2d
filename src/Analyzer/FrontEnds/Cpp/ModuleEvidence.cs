using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using IisModuleValidator.Io;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>
/// Which translation units can hold module facts, decided from the text before anything is parsed: a unit whose
/// source, or a local header it includes (transitively, by quotes or through the project's include folders), names
/// httpserv.h, RegisterModule, CHttpModule, CGlobalModule or IHttpModuleFactory. A vendored library's thousands of
/// .c files, a resource-only DLL or a host that loads modules name none of them: they are not parsed, and a project
/// with no such unit is not a module at all. Reading text never fails a run: an unreadable file is no evidence.
/// </summary>
internal sealed partial class ModuleEvidence
{
    private const int MaxIncludeDepth = 32;

    [GeneratedRegex(@"\b(?:httpserv\.h|RegisterModule|CHttpModule|CGlobalModule|IHttpModuleFactory|IHttpModuleRegistrationInfo)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModuleToken();

    [GeneratedRegex(@"^\s*#\s*include\s*([""<])([^"">]+)[>""]", RegexOptions.Multiline)]
    private static partial Regex Include();

    private readonly ConcurrentDictionary<string, (bool Evidence, IReadOnlyList<(bool Quoted, string Name)> Includes)> _files = new(StringComparer.Ordinal);

    /// <summary>Whether the unit, through its own text or its local headers, can declare or register a module.</summary>
    public bool CanHoldModule(CompileUnit unit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Path, int Depth)>([(unit.SourcePath, 0)]);
        while (pending.Count > 0)
        {
            var (path, depth) = pending.Pop();
            if (!seen.Add(path))
            {
                continue;
            }
            var (evidence, includes) = Read(path);
            if (evidence)
            {
                return true;
            }
            if (depth >= MaxIncludeDepth)
            {
                continue;
            }
            var folder = Path.GetDirectoryName(path)!;
            foreach (var (quoted, name) in includes)
            {
                IEnumerable<string> searched = quoted ? unit.IncludeDirectories.Prepend(folder) : unit.IncludeDirectories;
                if (searched.Select(directory => Projects.WindowsPath.Resolve(name, directory)).FirstOrDefault(File.Exists) is { } header)
                {
                    pending.Push((header, depth + 1));
                }
            }
        }
        return false;
    }

    private (bool, IReadOnlyList<(bool, string)>) Read(string path) => _files.GetOrAdd(path, file =>
    {
        try
        {
            var text = SafeFile.ReadAllText(file);
            return (ModuleToken().IsMatch(text),
                [.. Include().Matches(text).Select(match => (match.Groups[1].Value == "\"", match.Groups[2].Value))]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (false, []);
        }
    });
}
