using System.Collections.Concurrent;
using System.Text;
using IisModuleValidator.FrontEnds.Cpp.Parsing;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>
/// The precompiled headers of one analysis, each built on first use and deleted with this object: the header a unit's
/// project precompiles for it (PrecompiledHeader Use, PrecompiledHeaderFile), else the header that three or more
/// translation units with the same defines and include folders start with. A header that does not parse cleanly gets
/// no PCH; its translation units are parsed in full.
/// </summary>
/// <param name="Path">The .pch file.</param>
/// <param name="SystemHeadersOnly">The header declares nothing of the project's own (see <see cref="SharedPrologue.IncludesOnlySystemHeaders"/>).</param>
internal sealed record PrecompiledHeader(string Path, bool SystemHeadersOnly);

internal sealed class PrecompiledHeaders(CppFrontEnd frontEnd, string platform, IUnitParser parser, IReadOnlyList<string> transcoded) : IDisposable
{
    // Building a PCH costs about one parse: with two units on two cores parsing both in full is as fast.
    private const int MinimumSharingUnits = 3;

    private readonly string _directory = Directory.CreateTempSubdirectory("iism-pch-").FullName;
    private readonly ConcurrentDictionary<string, Lazy<PrecompiledHeader?>> _built = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _firstHeaders = new(StringComparer.Ordinal);

    public PrecompiledHeader? For(CompileUnit unit, IReadOnlyList<CompileUnit> all)
    {
        // The project's own setting first, as MSVC builds it: one PCH of the named header for every unit that uses it.
        if (unit.PrecompiledHeaderFile is { } named && ProjectHeader(unit, named) is { } projectHeader)
        {
            return _built.GetOrAdd(Key(unit, projectHeader), key => new Lazy<PrecompiledHeader?>(() => Build(unit, projectHeader, key))).Value;
        }
        var header = FirstHeader(unit);
        if (header is null || all.Count(other => FirstHeader(other) == header && Key(other, header) == Key(unit, header)) < MinimumSharingUnits)
        {
            return null;
        }
        return _built.GetOrAdd(Key(unit, header), key => new Lazy<PrecompiledHeader?>(() => Build(unit, header, key))).Value;
    }

    /// <summary>The header as the unit's #include "name" finds it: beside the unit, then in its include folders.</summary>
    private static string? ProjectHeader(CompileUnit unit, string name) =>
        unit.IncludeDirectories.Prepend(System.IO.Path.GetDirectoryName(unit.SourcePath)!)
            .Select(directory => Projects.WindowsPath.Resolve(name, directory))
            .FirstOrDefault(File.Exists);

    private string? FirstHeader(CompileUnit unit) =>
        _firstHeaders.GetOrAdd(unit.SourcePath, _ => SharedPrologue.FirstHeader(unit.SourcePath, unit.IncludeDirectories));

    private static string Key(CompileUnit unit, string header) =>
        string.Join('\n', [header, .. unit.Defines, "--", .. unit.IncludeDirectories, "--", .. unit.ExtraArguments]);

    private PrecompiledHeader? Build(CompileUnit unit, string header, string key)
    {
        var path = System.IO.Path.Combine(_directory, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16] + ".pch");
        var arguments = frontEnd.ArgumentsFor(unit with { SourcePath = header }, platform).Select(argument => argument == "c++" ? "c++-header" : argument).ToList();
        var result = parser.Parse(new UnitParseRequest(header, arguments, ExcludeDeclarationsFromPch: false, PchOutputPath: path, transcoded));
        return result.PchSaved ? new PrecompiledHeader(path, SharedPrologue.IncludesOnlySystemHeaders(header, unit.IncludeDirectories)) : null;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A PCH still mapped by a translation unit on another thread; the temp folder is cleaned later.
        }
    }
}
