using IisModuleValidator.FrontEnds.Cpp.Clang;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>What the C++ front end made of a project: the model, and the translation units clang had trouble with.</summary>
public sealed record CppAnalysis(ModuleModel Model, IReadOnlyList<DegradedUnit> Degraded);

/// <summary>A translation unit clang reported errors in: its facts may be incomplete.</summary>
/// <param name="LostIisHeaders">windows.h or httpserv.h could not be included: nothing in it can be trusted.</param>
public sealed record DegradedUnit(string SourcePath, int ErrorCount, string FirstError, bool LostIisHeaders);

/// <summary>
/// Parses every translation unit of a project with libclang (in parallel, each with its own index) and merges what
/// they declare into one module model.
/// </summary>
public sealed class CppFrontEnd(CppToolchain toolchain)
{
    private const TranslationUnitFlags ParseFlags = TranslationUnitFlags.KeepGoing | TranslationUnitFlags.IgnoreNonErrorsFromIncludedFiles;

    /// <summary>Whether translation units that start with the same header share a precompiled header of it.</summary>
    public bool SharePrecompiledHeaders { get; init; } = true;

    public CppAnalysis Analyze(CppProject project)
    {
        var text = new SourceText();
        using var headers = new PrecompiledHeaders(this, project.Platform);
        var perUnit = project.Units
            .AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Math.Max(1, Environment.ProcessorCount))
            .Select(unit => ParseUnit(unit, project.Platform, text, SharePrecompiledHeaders ? headers.For(unit, project.Units) : null))
            .ToList();

        var merged = new CppFacts();
        foreach (var (facts, _) in perUnit)
        {
            Merge(merged, facts);
        }
        var degraded = perUnit.Select(result => result.Degraded).OfType<DegradedUnit>().ToList();
        return new CppAnalysis(CppModelBuilder.Build(project.InputPath, merged, project.Exports), degraded);
    }

    public IReadOnlyList<string> ArgumentsFor(CompileUnit unit, string platform) =>
        [
            .. toolchain.BaseArguments(platform),
            .. unit.Defines.Select(define => $"-D{define}"),
            .. unit.IncludeDirectories.SelectMany(directory => new[] { "-I", directory }),
            .. unit.ExtraArguments,
        ];

    private (CppFacts Facts, DegradedUnit? Degraded) ParseUnit(CompileUnit unit, string platform, SourceText text, PrecompiledHeader? precompiledHeader)
    {
        var facts = new CppFacts();
        // A PCH of a directives-only header holds no declaration of the module's own: the walk can leave them all out.
        using var index = new ClangIndex(excludeDeclarationsFromPch: precompiledHeader?.DirectivesOnly == true);
        IReadOnlyList<string> arguments = precompiledHeader is null
            ? ArgumentsFor(unit, platform)
            : [.. ArgumentsFor(unit, platform), "-include-pch", precompiledHeader.Path];
        var (translationUnit, errorCode) = TranslationUnit.Parse(index, unit.SourcePath, arguments, ParseFlags);
        if (translationUnit is null)
        {
            return (facts, new DegradedUnit(unit.SourcePath, 1, $"libclang could not parse the file (error code {errorCode})", LostIisHeaders: true));
        }
        using (translationUnit)
        {
            new TranslationUnitCollector(facts, text).Collect(translationUnit.Root);
            var errors = translationUnit.Errors();
            if (errors.Count == 0)
            {
                return (facts, null);
            }
            var first = errors[0];
            var where = first.Location.File.Length > 0 ? $"{first.Location.File}({first.Location.Line},{first.Location.Column}): " : "";
            // KeepGoing turns clang's fatal "file not found" into an error, so the message tells.
            var lostHeaders = errors.Any(error => error.Message.Contains("file not found", StringComparison.Ordinal)
                && (error.Message.Contains("windows.h", StringComparison.OrdinalIgnoreCase) || error.Message.Contains("httpserv.h", StringComparison.OrdinalIgnoreCase)));
            return (facts, new DegradedUnit(unit.SourcePath, errors.Count, where + first.Message, lostHeaders));
        }
    }

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
