using IisModuleValidator.FrontEnds.Cpp;
using IisModuleValidator.FrontEnds.Cpp.Parsing;
using IisModuleValidator.FrontEnds.Cpp.Projects;
using IisModuleValidator.FrontEnds.Cpp.Projects.CMake;
using IisModuleValidator.Io;
using IisModuleValidator.Model;
using IisModuleValidator.FrontEnds.Cpp.Toolchain;

namespace IisModuleValidator.Analysis;

/// <summary>
/// C++ projects (.vcxproj, .vcproj, compile_commands.json), sources and folders of sources: each configuration whose
/// code differs through libclang, against the compile environment found once per run, with the run's parse cache.
/// </summary>
internal sealed class CppInputs : IInputFrontEnd
{
    private readonly RunScope run;
    private readonly Lazy<(CppToolchain? Toolchain, string? Error)> toolchain;
    private readonly ParseCache? parseCache;
    private readonly string? cacheRefusal;

    public CppInputs(RunScope run)
    {
        this.run = run;
        toolchain = new(() => CppToolchain.Discover(run.Options.SdkInclude));
        // A cache folder others can write is not used: it could only cost this run time, and it is refused out loud.
        cacheRefusal = run.Options.ParseCacheDirectory is { } cacheDirectory ? CacheFolderTrust.Refusal(cacheDirectory) : null;
        parseCache = run.Options.ParseCacheDirectory is { } trusted && cacheRefusal is null ? new ParseCache(trusted) : null;
    }

    public bool Handles(InputKind kind) => kind is InputKind.VcxProject or InputKind.VcProject or InputKind.CompileCommands or InputKind.SourceFolder or InputKind.SourceFile or InputKind.CMakeProject;

    public FrontEndSummary Finish(IReadOnlyList<ResolvedInput> itsInputs)
    {
        parseCache?.Trim();
        return new(
            cacheRefusal is not null && itsInputs.Count > 0
                ? [ToolNotification.Create(run.Catalog, ToolNotificationIds.ParseCacheUntrusted, run.Options.ParseCacheDirectory, cacheRefusal)]
                : [],
            toolchain.IsValueCreated && toolchain.Value.Toolchain is { } used ? [.. used.Describe()] : []);
    }

    public InputResult Analyze(ResolvedInput input)
    {
        var path = input.FullPath;
        string? sha256 = null;
        long length = 0;
        if (input.Kind != InputKind.SourceFolder)
        {
            if (run.HashTextInput(path, out var hash, out length) is { } unreadable)
            {
                return unreadable;
            }
            sha256 = hash;
        }
        IReadOnlyList<CppProject> projects;
        // configure_file() templates of a CMake tree are expanded here, never into the tree.
        using var generatedFolder = input.Kind == InputKind.CMakeProject ? ScratchFolder.Create("iism-cmake-") : null;
        IReadOnlyDictionary<string, string> generated = new Dictionary<string, string>();
        IReadOnlyList<string> treeProblems = [];
        var evaluation = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            projects = input.Kind == InputKind.CMakeProject ? CMakeProject.Load(path, generatedFolder!.Path, out generated, out treeProblems) : Evaluate(input);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException)
        {
            return new InputResult(new AnalyzedInput(path, sha256, length, null), [], [run.Notify(ToolNotificationIds.ProjectUnreadable, path, exception.Message)]);
        }
        // Read before the toolchain is found: the first input would otherwise count its discovery as evaluation.
        var evaluated = evaluation.Elapsed;
        if (projects.Count == 0)
        {
            // A CMake tree that builds no DLL (executables, static libraries only) holds no module, unless what was not read does.
            return new InputResult(new AnalyzedInput(path, sha256, length, CppModelBuilder.Build(path, new CppFacts(), [])), [],
                [.. treeProblems.Select(problem => run.Notify(ToolNotificationIds.ProjectItemSkipped, path, problem))],
                [$"{path}: not an IIS module (it builds no shared or module library); not reported on"]);
        }
        if (toolchain.Value.Toolchain is not { } tools)
        {
            return new InputResult(new AnalyzedInput(path, sha256, length, null), [], [run.Notify(ToolNotificationIds.CppFrontEndUnavailable, path, toolchain.Value.Error!)]);
        }
        try
        {
            // Every configuration whose code can differ in a module fact is analyzed; a finding they share is reported once.
            var analyses = new CppFrontEnd(tools) { Cache = parseCache }.Analyze(projects).ToList();
            var skipped = Skipped(path, projects, analyses);
            skipped.AddRange(Stages(path, projects, analyses, evaluated));
            if (analyses.All(analysis => analysis.NotAModule is not null))
            {
                // Not a module: a static library, a resource DLL, a host that loads modules. Nothing to report on it.
                return new InputResult(new AnalyzedInput(path, sha256, length, analyses[0].Model), [], [],
                    [$"{path}: not an IIS module ({analyses[0].NotAModule}); not reported on", .. skipped]);
            }
            analyses = [.. analyses.Where(analysis => analysis.NotAModule is null)];
            var expansions = new TemplateExpansions(generated);
            var findings = analyses.SelectMany(analysis => run.Check(analysis.Model)).Select(expansions.Moved)
                .DistinctBy(finding => (finding.RuleId, finding.Location, finding.Message)).ToList();
            var models = analyses.Select(analysis => expansions.Moved(analysis.Model)).ToList();
            var modules = analyses.Count > 1 ? analyses.Select((analysis, i) => new AnalyzedModule([analysis.Configuration ?? "", .. analysis.FoldedConfigurations], models[i])).ToList() : [];
            return new InputResult(new AnalyzedInput(path, sha256, length, models[0]) { Modules = modules }, findings, Notifications(path, analyses), skipped);
        }
        catch (Exception exception)
        {
            return run.Failed(path, sha256, length, exception);
        }
    }

    /// <summary>Project evaluation: what to compile, with which flags, one project per configuration.</summary>
    private static IReadOnlyList<CppProject> Evaluate(ResolvedInput input) => input.Kind switch
    {
        InputKind.VcxProject => VcxprojProject.LoadConfigurations(input.FullPath),
        InputKind.VcProject => VcprojProject.LoadConfigurations(input.FullPath),
        InputKind.CompileCommands => [CompileCommandsProject.Load(input.FullPath)],
        InputKind.SourceFile => [new CppProject(input.FullPath, "x64", null, [new CompileUnit(input.FullPath, [], [Path.GetDirectoryName(input.FullPath)!], [])], [])],
        _ => [FolderProject.Load(input.FullPath)],
    };

    private List<string> Skipped(string path, IReadOnlyList<CppProject> projects, IReadOnlyList<CppAnalysis> analyses) =>
        [.. analyses.SelectMany(analysis => analysis.Skipped ?? []).Distinct(StringComparer.Ordinal)
            .Concat(projects.Select(project => project.EvaluationNote).OfType<string>().Distinct(StringComparer.Ordinal).Select(note => $"{path}: {note}"))
            .Concat(projects.SelectMany(project => project.MissingImports).Distinct(StringComparer.Ordinal)
                .Select(import => $"{path}: import '{import}' does not exist here and was passed over (the Visual C++ targets are absent off Windows)"))
            .Concat(parseCache is null || analyses.All(analysis => analysis.NotAModule is not null) ? [] :
                [$"{path}: {analyses.Sum(analysis => analysis.FromCache)} of {analyses.Sum(analysis => analysis.UnitCount)} translation unit parse(s) "
                 + $"taken from the parse cache, unchanged since an earlier run ({parseCache.Directory})"])];

    /// <summary>Where the input's time went (--verbose): evaluation, then each parsed configuration's parses and precompiled headers.</summary>
    private static IEnumerable<string> Stages(string path, IReadOnlyList<CppProject> projects, IReadOnlyList<CppAnalysis> analyses, TimeSpan evaluated)
    {
        static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " s";
        var parsed = analyses.Count(analysis => analysis.NotAModule is null);
        yield return $"{path}: project evaluated in {Seconds(evaluated)} ({projects.Count} configuration(s) whose sources or defines differ"
            + (parsed > 0 ? $", {parsed} of them parsed)" : ")");
        foreach (var analysis in analyses.Where(analysis => analysis.NotAModule is null))
        {
            var configuration = analysis.Configuration is { } name ? $"{name}: " : "";
            yield return $"{path}: {configuration}{analysis.UnitCount} translation unit(s) parsed in {Seconds(analysis.Time.Parsing)} "
                + $"(precompiled headers {Seconds(analysis.Time.PrecompiledHeaders)} of it)";
        }
        foreach (var folded in analyses.SelectMany(analysis => analysis.Folded))
        {
            yield return $"{path}: {folded}";
        }
    }

    /// <summary>
    /// One IISM9005 (and one IISM9006) per module, however many of its units clang had trouble with, with the count and
    /// the first error; an IISM9004 for each unit the parser itself failed on; an IISM9010 for each project item skipped.
    /// </summary>
    private List<ToolNotification> Notifications(string path, IReadOnlyList<CppAnalysis> analyses)
    {
        var notifications = new List<ToolNotification>();
        var units = analyses.Max(analysis => analysis.UnitCount);
        var degraded = analyses.SelectMany(analysis => analysis.Degraded).DistinctBy(unit => unit.SourcePath).ToList();
        foreach (var (lost, group) in degraded.GroupBy(unit => unit.LostIisHeaders).Select(group => (group.Key, group.ToList())))
        {
            var first = group[0];
            var scope = units <= 1 ? "this file" : $"{group.Count} of {units} translation units of this module";
            var errors = group.Sum(unit => unit.ErrorCount);
            notifications.Add(lost
                ? run.Notify(ToolNotificationIds.IisHeadersUnavailable, path, scope, first.FirstError)
                : run.Notify(ToolNotificationIds.SourceAnalysisDegraded, path, $"{scope} ({errors} error{(errors == 1 ? "" : "s")})", first.FirstError));
        }
        notifications.AddRange(analyses.SelectMany(analysis => analysis.Failed).DistinctBy(unit => unit.SourcePath)
            .Select(unit => run.Notify(ToolNotificationIds.AnalysisFailed, unit.SourcePath, unit.Reason)));
        notifications.AddRange(analyses.SelectMany(analysis => analysis.Problems).Distinct(StringComparer.Ordinal)
            .Select(problem => run.Notify(ToolNotificationIds.ProjectItemSkipped, path, problem)));
        return notifications;
    }
}
