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
internal sealed record PrecompiledHeader(string Path, bool SystemHeadersOnly, IReadOnlyList<string> Inputs);

/// <summary>Which header a unit would use precompiled, before anything is built.</summary>
/// <param name="Key">What the PCH is made of: the header and the unit's defines, include folders and extra flags.</param>
internal sealed record PrecompiledHeaderChoice(string Header, string Key);

internal sealed class PrecompiledHeaders(CppFrontEnd frontEnd, string platform, IUnitParser parser, IReadOnlyList<string> transcoded, ParseCache? cache = null)
    : IDisposable
{
    // Building a PCH costs about one parse: with two units on two cores parsing both in full is as fast.
    private const int MinimumSharingUnits = 3;

    // Made on the first PCH built: most projects are answered from the parse cache or need none.
    private readonly Lazy<Io.ScratchFolder> _directory = new(() => Io.ScratchFolder.Create("iism-pch-"));
    private readonly ConcurrentDictionary<string, Lazy<PrecompiledHeader?>> _built = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _firstHeaders = new(StringComparer.Ordinal);
    private long _buildTicks;

    /// <summary>The time spent building (or finding kept) precompiled headers so far, summed over those built at once.</summary>
    public TimeSpan BuildTime => System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _buildTicks));

    /// <summary>The header the unit uses precompiled, or null: the project's own setting first, as MSVC builds it, else
    /// the first header three or more units with the same flags start with.</summary>
    public PrecompiledHeaderChoice? Choose(CompileUnit unit, IReadOnlyList<CompileUnit> all)
    {
        if (unit.PrecompiledHeaderFile is { } named && ProjectHeader(unit, named) is { } projectHeader)
        {
            return new PrecompiledHeaderChoice(projectHeader, Key(unit, projectHeader));
        }
        var header = FirstHeader(unit);
        if (header is null || all.Count(other => FirstHeader(other) == header && Key(other, header) == Key(unit, header)) < MinimumSharingUnits)
        {
            return null;
        }
        return new PrecompiledHeaderChoice(header, Key(unit, header));
    }

    /// <summary>The PCH of a choice, built once on first use; null when the header does not parse cleanly.</summary>
    public PrecompiledHeader? Build(CompileUnit unit, PrecompiledHeaderChoice choice) =>
        _built.GetOrAdd(choice.Key, key => new Lazy<PrecompiledHeader?>(() =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var built = Build(unit, choice.Header, key);
            Interlocked.Add(ref _buildTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
            return built;
        })).Value;

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
        var arguments = frontEnd.PrecompiledHeaderArgumentsFor(unit, header, platform);
        var request = new UnitParseRequest(header, arguments, ExcludeDeclarationsFromPch: false, PchOutputPath: null, transcoded);
        var systemHeadersOnly = SharedPrologue.IncludesOnlySystemHeaders(header, unit.IncludeDirectories);
        // A PCH kept from an earlier run is used in place while nothing it was built from has changed.
        var cacheKey = cache is null ? null : ParseCache.Key(request, "precompiled header");
        if (cacheKey is not null && cache!.TryGetPrecompiledHeader(cacheKey, out var kept) is { } keptPath)
        {
            return new PrecompiledHeader(keptPath, systemHeadersOnly, kept.Inputs ?? [header]);
        }
        var path = System.IO.Path.Combine(_directory.Value.Path, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16] + ".pch");
        request = request with { PchOutputPath = path };
        var result = parser.Parse(request);
        if (cacheKey is not null)
        {
            cache!.PutPrecompiledHeader(cacheKey, result, path);
        }
        return result.PchSaved ? new PrecompiledHeader(path, systemHeadersOnly, result.Inputs ?? [header]) : null;
    }

    public void Dispose()
    {
        if (_directory.IsValueCreated)
        {
            _directory.Value.Dispose();
        }
    }
}
