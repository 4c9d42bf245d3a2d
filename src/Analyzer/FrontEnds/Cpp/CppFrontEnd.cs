using IisModuleValidator.FrontEnds.Cpp.Parsing;
using IisModuleValidator.FrontEnds.Cpp.Toolchain;
using IisModuleValidator.Io;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>What the C++ front end made of a project: the model, and what of it could not be fully analyzed.</summary>
/// <param name="UnitCount">The translation units that were parsed.</param>
/// <param name="Degraded">Units clang reported errors in: their facts may be incomplete.</param>
/// <param name="Failed">Units the parser itself failed on (crash, time, memory): no facts from them.</param>
/// <param name="Problems">Project items that could not be taken (missing, not a regular file), with the project's own.</param>
/// <param name="NotAModule">Why the project is not an IIS module and nothing of it is reported, or null when it is one.</param>
/// <param name="Skipped">Units not parsed because they cannot hold module facts (--verbose).</param>
/// <param name="FromCache">Of <paramref name="UnitCount"/>, the units whose parse an earlier run had kept.</param>
public sealed record CppAnalysis(ModuleModel Model, int UnitCount, IReadOnlyList<DegradedUnit> Degraded, IReadOnlyList<FailedUnit> Failed, IReadOnlyList<string> Problems,
    string? NotAModule = null, IReadOnlyList<string>? Skipped = null, int FromCache = 0)
{
    /// <summary>The configuration parsed ("Release|x64"), or null for sources without one.</summary>
    public string? Configuration { get; init; }

    /// <summary>Configurations not parsed again because they parse to this one's facts, each with why (--verbose).</summary>
    public IReadOnlyList<string> Folded { get; init; } = [];

    /// <summary>The configurations this one's facts stand for besides itself (those of <see cref="Folded"/>).</summary>
    public IReadOnlyList<string> FoldedConfigurations { get; init; } = [];

    /// <summary>Wall time of this configuration's parses, and of the precompiled headers built for them (--verbose).</summary>
    public (TimeSpan Parsing, TimeSpan PrecompiledHeaders) Time { get; init; }
}

/// <summary>A translation unit clang reported errors in: its facts may be incomplete.</summary>
/// <param name="LostIisHeaders">windows.h or httpserv.h could not be included: nothing in it can be trusted.</param>
public sealed record DegradedUnit(string SourcePath, int ErrorCount, string FirstError, bool LostIisHeaders);

/// <summary>A translation unit the parser could not finish, and why.</summary>
public sealed record FailedUnit(string SourcePath, string Reason);

/// <summary>
/// Parses every translation unit of a project with libclang (in parallel, isolated in worker processes where the
/// CLI's assembly is at hand) and merges what they declare into one module model.
/// </summary>
public sealed class CppFrontEnd(CppToolchain toolchain)
{
    /// <summary>Whether translation units that start with the same header share a precompiled header of it.</summary>
    public bool SharePrecompiledHeaders { get; init; } = true;

    internal IUnitParser Parser { get; init; } = (IUnitParser?)ParseWorkerPool.Shared ?? new InProcessParser();

    /// <summary>Parses kept from earlier runs, or null to parse everything.</summary>
    internal ParseCache? Cache { get; init; }

    /// <summary>
    /// Units parsed at most per configuration: a module has a few dozen that name IIS, and a project of 100,000 such units
    /// (a generated attack on a build gate) would parse for hours. The rest is an IISM9010.
    /// </summary>
    internal int MaxParsedUnits { get; init; } = 1000;

    /// <summary>
    /// Every configuration of a project whose code can differ in a module fact, in their order, configurations of different
    /// platforms at the same time (each is mostly one precompiled header built on one core); see <see cref="ConfigurationFolding"/>.
    /// </summary>
    public IReadOnlyList<CppAnalysis> Analyze(IReadOnlyList<CppProject> configurations)
    {
        var groups = ConfigurationFolding.Fold(configurations, out var evidence);
        return groups.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Clamp(groups.Count, 1, Math.Max(1, Environment.ProcessorCount)))
            .Select(group => Analyze(group.Parsed, evidence) with
            {
                Folded = [.. group.Folded.Select(folded => $"{folded.Configuration.Configuration} is not parsed again: its defines differ from {group.Parsed.Configuration}'s only in "
                    + $"{string.Join(" and ", folded.Macros)}, which no source that can hold a module fact, nor a local header it includes, names")],
                FoldedConfigurations = [.. group.Folded.Select(folded => folded.Configuration.Configuration).OfType<string>()],
            })
            .ToList();
    }

    public CppAnalysis Analyze(CppProject project) => Analyze(project, new ModuleEvidence());

    private CppAnalysis Analyze(CppProject project, ModuleEvidence evidence)
    {
        var problems = new List<string>(project.ProblemList);
        var readable = project.Units.Where(unit => Readable(unit, problems)).ToList();
        // Only what can hold a module is parsed: a vendored library's sources name nothing of IIS.
        var namingIis = readable.Where(evidence.CanHoldModule).ToList();
        var skipped = readable.Except(namingIis).Select(unit => $"{unit.SourcePath}: names nothing of an IIS module (httpserv.h, RegisterModule, CHttpModule, CGlobalModule), not parsed").ToList();
        // A project's helpers see httpserv.h through its precompiled header but hold no module fact: not parsed either.
        // Should no unit name a fact's parts (a module made by macros of a system header, say), all of them are parsed.
        var units = namingIis.Where(evidence.CanHoldFacts).ToList() is { Count: > 0 } holdingFacts ? holdingFacts : namingIis;
        skipped.AddRange(namingIis.Except(units).Select(unit => $"{unit.SourcePath}: reaches httpserv.h only through an include and names no module class, registration or RegisterModule, not parsed"));
        if (units.Count > MaxParsedUnits)
        {
            problems.Add($"{units.Count} of its sources name IIS; the first {MaxParsedUnits} were parsed (no module needs more)");
            units = [.. units.Take(MaxParsedUnits)];
        }
        // A refused unit (one that includes a device, say) still tells that the project is a module.
        var hasEvidence = units.Count > 0 || project.Units.Except(readable)
            .Any(unit => FileStatus.KindOf(unit.SourcePath) == FileKind.RegularFile && evidence.CanHoldModule(unit with { IncludeDirectories = [] }));
        var notAModule = project.ConfigurationType is { } type && !type.Equals("DynamicLibrary", StringComparison.OrdinalIgnoreCase)
            ? $"its ConfigurationType is {type}, not DynamicLibrary"
            : !hasEvidence ? "none of its sources or local headers names httpserv.h, RegisterModule, CHttpModule, CGlobalModule or IHttpModuleFactory" : null;
        if (notAModule is not null)
        {
            return new CppAnalysis(CppModelBuilder.Build(project.InputPath, new CppFacts(), []), 0, [], [], [], notAModule, skipped) { Configuration = project.Configuration };
        }
        var transcoded = TranscodedFiles.Find(units);
        var fromCache = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var headers = new PrecompiledHeaders(this, project.Platform, Parser, transcoded, Cache);
        var perUnit = units
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, Environment.ProcessorCount))
            .Select(unit => (Unit: unit, Result: Parse(unit, units, project.Platform, headers, transcoded, ref fromCache)))
            .ToList();

        var merged = new CppFacts();
        foreach (var (_, result) in perUnit.Where(parsed => parsed.Result.ParserFailure is null))
        {
            Merge(merged, result.Facts);
        }
        var degraded = perUnit.Where(parsed => parsed.Result is { ParserFailure: null, ErrorCount: > 0 })
            .Select(parsed => new DegradedUnit(parsed.Unit.SourcePath, parsed.Result.ErrorCount, parsed.Result.FirstError ?? "", parsed.Result.LostIisHeaders))
            .ToList();
        var failed = perUnit.Where(parsed => parsed.Result.ParserFailure is not null)
            .Select(parsed => new FailedUnit(parsed.Unit.SourcePath, parsed.Result.ParserFailure!)).ToList();
        var time = (watch.Elapsed, headers.BuildTime);
        var model = CppModelBuilder.Build(project.InputPath, merged, WithSourcePragmas(project, units, evidence)) with { SourcesIncomplete = degraded.Count > 0 || failed.Count > 0 || problems.Count > 0 };
        // Including httpserv.h does not make a module: a host that loads modules, or a library of helpers, implements
        // the server's side. A module defines RegisterModule, implements a module, global module or factory class, or
        // names RegisterModule in its exports (a .def that forwards it is a broken module, not a host).
        var host = model is { EntryPoints.Count: 0, Classes.Count: 0, Registrations.Count: 0, SourcesIncomplete: false }
                   && !model.Exports.Any(configuration => configuration.LinkerExports.Contains(Contract.IisContract.RegisterModuleExportName)
                                                          || configuration is { DefFile: { } def, DefFileExists: true } && Projects.DefFile.Declares(def, Contract.IisContract.RegisterModuleExportName))
            ? "it includes httpserv.h but defines no RegisterModule and implements no CHttpModule, CGlobalModule or IHttpModuleFactory: a host that loads modules, or a library"
            : null;
        return new CppAnalysis(model, units.Count, degraded, failed, problems, host, skipped, fromCache) { Configuration = project.Configuration, Time = time };
    }

    /// <summary>The project's exports with what its parsed sources ask the linker for (#pragma comment(linker, "/EXPORT:...")).</summary>
    private static IReadOnlyList<ExportConfiguration> WithSourcePragmas(CppProject project, IReadOnlyList<CompileUnit> units, ModuleEvidence evidence)
    {
        var pragmas = units.SelectMany(unit => evidence.LinkerExports(unit).Select(export => (unit.SourcePath, export.Name, export.Line))).ToList();
        if (pragmas.Count == 0)
        {
            return project.Exports;
        }
        var names = pragmas.Select(pragma => pragma.Name).Distinct(StringComparer.Ordinal).ToList();
        // Loose sources have no configuration: a pragma that exports RegisterModule is the one fact about how their DLL does.
        return project.Exports.Count > 0 || !names.Contains(Contract.IisContract.RegisterModuleExportName)
            ? [.. project.Exports.Select(configuration => configuration with { LinkerExports = [.. configuration.LinkerExports.Union(names, StringComparer.Ordinal)] })]
            : [new ExportConfiguration(Path.GetFileName(project.InputPath), project.Platform, null, false, false, names, SourceLocation.InSource(pragmas[0].SourcePath, pragmas[0].Line, 1))];
    }

    public IReadOnlyList<string> ArgumentsFor(CompileUnit unit, string platform) =>
        [
            .. toolchain.BaseArguments(platform),
            .. unit.Defines.Select(define => $"-D{define}"),
            .. unit.IncludeDirectories.SelectMany(directory => new[] { "-I", directory }),
            .. unit.ExtraArguments,
        ];

    /// <summary>The command line that precompiles <paramref name="header"/> with a unit's flags (the header parsed as a header).</summary>
    public IReadOnlyList<string> PrecompiledHeaderArgumentsFor(CompileUnit unit, string header, string platform) =>
        [.. ArgumentsFor(unit with { SourcePath = header }, platform).Select(argument => argument == "c++" ? "c++-header" : argument)];

    /// <summary>Only regular files under the size cap reach libclang: a FIFO would block it, a device never end.</summary>
    private static bool Readable(CompileUnit unit, List<string> problems)
    {
        var path = unit.SourcePath;
        var named = Projects.EvaluatedText.Describe(path, unit.AsWritten);
        var problem = FileStatus.KindOf(path) switch
        {
            FileKind.Missing => $"{named} is listed but does not exist",
            FileKind.Directory => $"{named} is listed as a source but is a folder",
            FileKind.Special => $"{named} is not a regular file (a FIFO, socket, device or kernel pseudo-file), so it is not read",
            _ => new FileInfo(path).Length > SafeFile.MaxTextBytes ? $"{named} is larger than the {SafeFile.MaxTextBytes / (1024 * 1024)} MiB the validator reads"
                : SharedPrologue.IncludedSpecialFile(path) is { } special ? $"{named} includes '{BoundedText.Of(special)}', which is not a regular file (a device or FIFO), so it is not parsed"
                : null,
        };
        if (problem is not null)
        {
            problems.Add(problem);
        }
        return problem is null;
    }

    /// <summary>
    /// One unit's parse: from the cache when nothing it read has changed (its precompiled header is then not even
    /// built), else parsed, with the PCH it uses built on first need, and kept.
    /// </summary>
    private UnitParseResult Parse(CompileUnit unit, IReadOnlyList<CompileUnit> all, string platform, PrecompiledHeaders headers, IReadOnlyList<string> transcoded,
        ref int fromCache)
    {
        var choice = SharePrecompiledHeaders ? headers.Choose(unit, all) : null;
        var key = Cache is null ? null : ParseCache.Key(Request(unit, platform, null, transcoded), choice?.Key);
        if (key is not null && Cache!.TryGet(key, out var cached))
        {
            Interlocked.Increment(ref fromCache);
            return cached;
        }
        var precompiledHeader = choice is null ? null : headers.Build(unit, choice);
        var result = Parser.Parse(Request(unit, platform, precompiledHeader, transcoded));
        if (key is not null && result.Inputs is { } inputs)
        {
            Cache!.Put(key, result, [.. inputs, .. precompiledHeader?.Inputs ?? []]);
        }
        return result;
    }

    private UnitParseRequest Request(CompileUnit unit, string platform, PrecompiledHeader? precompiledHeader, IReadOnlyList<string> transcoded) =>
        new(unit.SourcePath,
            precompiledHeader is null ? ArgumentsFor(unit, platform) : [.. ArgumentsFor(unit, platform), "-include-pch", precompiledHeader.Path],
            // A PCH of a header that only includes system headers holds no declaration of the module's own.
            ExcludeDeclarationsFromPch: precompiledHeader?.SystemHeadersOnly == true,
            PchOutputPath: null,
            transcoded);

    private static void Merge(CppFacts into, CppFacts from)
    {
        foreach (var (usr, fact) in from.Classes)
        {
            into.Classes.TryAdd(usr, fact);
        }
        foreach (var (usr, method) in from.Methods)
        {
            if (!into.Methods.TryGetValue(usr, out var existing))
            {
                into.Methods[usr] = method;
                continue;
            }
            existing.Declaration ??= method.Declaration;
            if (existing.Overrides.Count == 0)
            {
                existing.Overrides = method.Overrides;
            }
            if (method.HasBody && !existing.HasBody)
            {
                existing.HasBody = true;
                existing.Returns.AddRange(method.Returns);
                existing.NewedClasses.AddRange(method.NewedClasses);
                existing.CallsModuleAllocator |= method.CallsModuleAllocator;
            }
        }
        // A call in an inline function of a shared header is seen by every translation unit that includes it.
        foreach (var call in from.RegistrationCalls.Where(call => !into.RegistrationCalls.Any(seen => seen.Kind == call.Kind && seen.Location == call.Location)))
        {
            into.RegistrationCalls.Add(call);
        }
        foreach (var entry in from.EntryPoints.Where(entry => !into.EntryPoints.Any(existing => existing.Location == entry.Location)))
        {
            into.EntryPoints.Add(entry);
        }
        into.CompletionCalls.AddRange(from.CompletionCalls.Where(call => !into.CompletionCalls.Contains(call)));
    }
}
