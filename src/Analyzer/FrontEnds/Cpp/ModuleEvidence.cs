using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using IisModuleValidator.Io;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>
/// Which translation units can hold module facts, decided from the text before anything is parsed, through the unit's
/// source and the local headers it includes (transitively, by quotes or through the project's include folders).
/// A unit that names nothing of IIS (httpserv.h, RegisterModule, CHttpModule, CGlobalModule, IHttpModuleFactory,
/// IHttpModuleRegistrationInfo) cannot make its project a module: a vendored library's thousands of .c files, a
/// resource-only DLL or a host that loads modules are not parsed, and a project with no such unit is not a module.
/// Among the units that do, one whose text reaches httpserv.h only through an include (every unit of a project whose
/// stdafx.h includes it) holds a module fact only if it names what a fact is made of: a module or factory class, the
/// registration interface or calls, RegisterModule, a notification status, or the completion calls that resume a
/// pending request.
/// Reading text never fails a run: an unreadable file is no evidence.
/// </summary>
/// <param name="watchedMacros">Macro names whose mentions are kept (see <see cref="Mentions"/>): the defines a project's
/// configurations disagree on, so that the reading that judges units also tells whether that disagreement reaches them.</param>
internal sealed partial class ModuleEvidence(IReadOnlyCollection<string>? watchedMacros = null)
{
    private const int MaxIncludeDepth = 32;

    [GeneratedRegex(@"\b(?:httpserv\.h|RegisterModule|CHttpModule|CGlobalModule|IHttpModuleFactory|IHttpModuleRegistrationInfo)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ModuleToken();

    [GeneratedRegex(@"^\s*#\s*include\s*([""<])([^"">]+)[>""]", RegexOptions.Multiline)]
    private static partial Regex Include();

    [GeneratedRegex(@"\b(?:RegisterModule|CHttpModule|CGlobalModule|IHttpModuleFactory|IHttpModuleRegistrationInfo|SetRequestNotifications|SetGlobalNotifications|SetPriorityFor\w*|IndicateCompletion|PostCompletion|REQUEST_NOTIFICATION_STATUS|GLOBAL_NOTIFICATION_STATUS)\b")]
    private static partial Regex FactToken();

    private readonly ConcurrentDictionary<string, FileEvidence> _files = new(StringComparer.Ordinal);

    // Identifiers looked up among the watched names: an alternation of hundreds of names (a CMake tree's <target>_EXPORTS)
    // is more than the non-backtracking engine builds, and a backtracking one would be at the text's mercy.
    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    private readonly HashSet<string>? _watched = watchedMacros is { Count: > 0 } ? new(watchedMacros, StringComparer.Ordinal) : null;

    /// <summary>What one file's text says.</summary>
    /// <param name="LinkerExports">Its #pragma comment(linker, "/EXPORT:...") names, with their lines.</param>
    /// <param name="Mentioned">Of the watched macros, those its text names anywhere (a directive, code or a comment); null
    /// when the file could not be read, which counts as naming them all.</param>
    private sealed record FileEvidence(bool NamesIis, bool NamesFacts, IReadOnlyList<(bool Quoted, string Name)> Includes, IReadOnlyList<(string Name, int Line)> LinkerExports,
        IReadOnlySet<string>? Mentioned);

    /// <summary>Whether the unit, through its own text or its local headers, names anything of IIS (the project is a module).</summary>
    public bool CanHoldModule(CompileUnit unit) => Reaches(unit, file => file.NamesIis);

    /// <summary>Whether the unit, through its own text or its local headers, names what a module fact is made of.</summary>
    public bool CanHoldFacts(CompileUnit unit) => Reaches(unit, file => file.NamesFacts);

    /// <summary>
    /// The /EXPORT: names the unit's own source gives the linker by pragma. Its text was read when the unit was judged
    /// (every unit is, before it is parsed), so this reads nothing again.
    /// </summary>
    public IReadOnlyList<(string Name, int Line)> LinkerExports(CompileUnit unit) => Read(unit.SourcePath).LinkerExports;

    /// <summary>
    /// Whether the unit's source or a local header it reaches names any of <paramref name="macros"/> (all of them watched):
    /// when none does, defining them otherwise cannot change what the project's own code says. System headers are not
    /// looked at: what _DEBUG changes inside the STL or windows.h is not a module fact.
    /// </summary>
    public bool Mentions(CompileUnit unit, IReadOnlySet<string> macros) =>
        Reaches(unit, file => file.Mentioned is not { } mentioned || mentioned.Overlaps(macros));

    private bool Reaches(CompileUnit unit, Func<FileEvidence, bool> evidence)
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
            var file = Read(path);
            if (evidence(file))
            {
                return true;
            }
            if (depth >= MaxIncludeDepth)
            {
                continue;
            }
            var folder = Path.GetDirectoryName(path)!;
            foreach (var (quoted, name) in file.Includes)
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

    /// <summary>The watched macros <paramref name="text"/> names as whole identifiers.</summary>
    private HashSet<string> Mentioned(string text)
    {
        var mentioned = new HashSet<string>(StringComparer.Ordinal);
        if (_watched is null)
        {
            return mentioned;
        }
        var lookup = _watched.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var match in Identifier().EnumerateMatches(text))
        {
            if (lookup.TryGetValue(text.AsSpan(match.Index, match.Length), out var name))
            {
                mentioned.Add(name);
            }
        }
        return mentioned;
    }

    private FileEvidence Read(string path) => _files.GetOrAdd(path, file =>
    {
        try
        {
            var text = SafeFile.ReadAllText(file);
            return new(ModuleToken().IsMatch(text), FactToken().IsMatch(text),
                [.. Include().Matches(text).Select(match => (match.Groups[1].Value == "\"", match.Groups[2].Value))], Projects.LinkerExports.FromPragmas(text),
                Mentioned(text));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file that cannot be read (over the size cap, not a regular file) may well be the module: it fails closed,
            // counted as naming IIS, so the unit is taken and the front end names what stopped it.
            return new(true, true, [], [], null);
        }
    });
}
