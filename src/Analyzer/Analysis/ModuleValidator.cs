using System.Security.Cryptography;
using IisModuleValidator.Catalog;
using IisModuleValidator.FrontEnds.Binary;
using IisModuleValidator.FrontEnds.Cpp;
using IisModuleValidator.FrontEnds.Cpp.Projects;
using IisModuleValidator.FrontEnds.Cpp.Toolchain;
using IisModuleValidator.Io;
using RuleLevel = IisModuleValidator.Catalog.RuleLevel;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Analysis;

/// <summary>Options of one run.</summary>
/// <param name="ExpectedArchitecture">From --expect-arch.</param>
/// <param name="SdkInclude">From --sdk-include: the Windows SDK Include\&lt;version&gt; folder for C++ sources.</param>
/// <param name="RequireRecovery">From --require-recovery: what the binary recovery could not follow (IISM9009) is an error.</param>
/// <param name="RuleLevels">`--rule IISMnnnn=level`: the level of a rule's findings, over the configuration files and the default.</param>
/// <param name="Progress">Told when an input starts (slow C++ and C# projects) and when each one is done.</param>
/// <param name="ParseCacheDirectory">Where C++ parses are kept across runs (see ParseCache), or null to parse every unit.</param>
/// <param name="ServerPaths">How an IIS configuration's Windows paths resolve here (--root, --env).</param>
public sealed record AnalysisOptions(string? ExpectedArchitecture = null, string? SdkInclude = null, bool RequireRecovery = false,
    IReadOnlyDictionary<string, RuleLevel>? RuleLevels = null, IProgress<InputProgress>? Progress = null, string? ParseCacheDirectory = null,
    FrontEnds.IisConfig.OfflinePaths? ServerPaths = null)
{
    /// <summary>The user's cache folder for C++ parses ($XDG_CACHE_HOME or ~/.cache, %LOCALAPPDATA% on Windows).</summary>
    public static string DefaultParseCacheDirectory => FrontEnds.Cpp.Parsing.ParseCache.DefaultDirectory;
}

/// <summary>
/// The pipeline: resolve inputs, run the right front end on each (PE reader for binaries, libclang for C++
/// projects), run every rule on each model, and collect findings and notifications in a stable order. A bad
/// input never stops the others.
/// </summary>
public sealed partial class ModuleValidator(RuleCatalog catalog, IReadOnlyList<Rule> rules)
{
    public ModuleValidator() : this(RuleCatalog.Default, RuleSet.All)
    {
    }

    public AnalysisReport Run(IEnumerable<string> inputs, string baseDirectory, string? expectedArchitecture = null) =>
        Run(inputs, baseDirectory, new AnalysisOptions(expectedArchitecture));

    public AnalysisReport Run(IEnumerable<string> inputs, string baseDirectory, AnalysisOptions options)
    {
        var resolution = InputResolver.Resolve(inputs, baseDirectory, catalog);
        var context = new RuleContext(catalog, options.ExpectedArchitecture);
        var toolchain = new Lazy<(CppToolchain?, string?)>(() => CppToolchain.Discover(options.SdkInclude));
        // A cache folder others can write is not used: it could only cost this run time, and it is refused out loud.
        var cacheRefusal = options.ParseCacheDirectory is { } cacheDirectory ? FrontEnds.Cpp.Parsing.CacheFolderTrust.Refusal(cacheDirectory) : null;
        var parseCache = options.ParseCacheDirectory is { } trusted && cacheRefusal is null ? new FrontEnds.Cpp.Parsing.ParseCache(trusted) : null;
        // Binaries are cheap and many: in parallel, each distinct content once. C++ projects parallelize over their
        // own translation units.
        var byContent = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(ModuleModel? Model, IReadOnlyList<string> Notes, string? Malformed)>>(StringComparer.Ordinal);
        var total = resolution.Inputs.Count;
        var done = 0;
        InputResult Finished(string path, InputResult result)
        {
            options.Progress?.Report(new InputProgress(Interlocked.Increment(ref done), total, path));
            return result;
        }
        var perInput = resolution.Inputs
            .Where(input => input.Kind == InputKind.Binary)
            .AsParallel().AsOrdered()
            .Select(input => Finished(input.FullPath, AnalyzeBinary(input.FullPath, context, byContent)))
            .ToList();
        var webConfigs = resolution.Inputs.Where(input => input.Kind == InputKind.IisConfig && IsWebConfig(input.FullPath)).Select(input => input.FullPath).ToList();
        var withServerConfig = resolution.Inputs.Any(input => input.Kind == InputKind.IisConfig && !IsWebConfig(input.FullPath));
        perInput.AddRange(resolution.Inputs.Where(input => input.Kind != InputKind.Binary).Select(input =>
        {
            options.Progress?.Report(new InputProgress(Volatile.Read(ref done), total, input.FullPath));
            // A failure of ours on one input (a bug a hostile input found) is that input's IISM9004, never the run's end.
            try
            {
                return Finished(input.FullPath, input.Kind == InputKind.IisConfig
                    ? AnalyzeConfiguration(input.FullPath, webConfigs, withServerConfig, context, byContent, options.ServerPaths ?? new())
                    : AnalyzeSources(input, context, toolchain, parseCache));
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return Finished(input.FullPath, Failed(input.FullPath, null, 0, exception));
            }
        }));

        // Findings their authors accepted in a C/C++ comment, with a justification, are marked, not dropped.
        var suppressions = new Suppressions.CommentSuppressions(catalog);
        var severities = new Severities.RuleSeverities(options.RuleLevels ?? new Dictionary<string, RuleLevel>());
        var findings = severities.Apply([.. perInput.SelectMany(result => result.Findings)])
            .Select(suppressions.Apply)
            .OrderBy(finding => finding.Location.FilePath, StringComparer.Ordinal)
            .ThenBy(finding => finding.Location.Line ?? 0)
            .ThenBy(finding => finding.Location.Column ?? 0)
            .ThenBy(finding => finding.RuleId, StringComparer.Ordinal)
            .ThenBy(finding => finding.FingerprintKey, StringComparer.Ordinal)
            .ToList();
        var usesCppCache = resolution.Inputs.Any(input => input.Kind is InputKind.VcxProject or InputKind.VcProject or InputKind.CompileCommands or InputKind.SourceFolder or InputKind.SourceFile);
        var notifications = severities.Apply([.. resolution.Notifications
            .Concat(perInput.SelectMany(result => result.Notifications))
            .Concat(cacheRefusal is not null && usesCppCache
                ? [ToolNotification.Create(catalog, ToolNotificationIds.ParseCacheUntrusted, options.ParseCacheDirectory, cacheRefusal)]
                : [])
            .Concat(suppressions.Problems)
            // A gate that demands proof: a registration or class not recovered from a DLL fails the run.
            .Select(notification => options.RequireRecovery && notification.RuleId == ToolNotificationIds.BinaryRecoveryIncomplete
                ? notification with { Level = RuleLevel.Error }
                : notification)])
            .OrderBy(notification => notification.FilePath ?? "", StringComparer.Ordinal)
            .ThenBy(notification => notification.RuleId, StringComparer.Ordinal)
            .ThenBy(notification => notification.Message, StringComparer.Ordinal)
            .ToList();
        var analyzed = perInput.Where(result => result.Input is not null).Select(result => result.Input!)
            .OrderBy(input => input.FullPath, StringComparer.Ordinal).ToList();
        var skipped = resolution.Skipped.Concat(perInput.SelectMany(result => result.Skipped ?? [])).ToList();
        parseCache?.Trim();
        return new AnalysisReport(baseDirectory, analyzed, findings, notifications, skipped)
        {
            CompileEnvironment = toolchain.IsValueCreated && toolchain.Value.Item1 is { } used ? [.. used.Describe()] : [],
        };
    }

    /// <param name="Skipped">What of this input was left out on purpose, with why (--verbose).</param>
    private sealed record InputResult(AnalyzedInput? Input, IReadOnlyList<Finding> Findings, IReadOnlyList<ToolNotification> Notifications, IReadOnlyList<string>? Skipped = null);

    private InputResult AnalyzeBinary(string path, RuleContext context,
        System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(ModuleModel? Model, IReadOnlyList<string> Notes, string? Malformed)>> byContent)
    {
        byte[] bytes;
        try
        {
            bytes = SafeFile.ReadAllBytes(path, SafeFile.MaxBinaryBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new InputResult(null, [], [Notify(ToolNotificationIds.InputUnreadable, path, exception.Message)]);
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        try
        {
            var (analyzed, notes, malformed) = byContent.GetOrAdd(sha256, _ => new(() => Recover(bytes, path))).Value;
            if (malformed is not null)
            {
                return new InputResult(new AnalyzedInput(path, sha256, bytes.LongLength, null), [],
                    [Notify(ToolNotificationIds.InputNotAValidImage, path, malformed)]);
            }
            var model = analyzed!.WithInputPath(path);
            return new InputResult(new AnalyzedInput(path, sha256, bytes.LongLength, model), Check(model, context),
                [.. notes.Select(note => Notify(ToolNotificationIds.BinaryRecoveryIncomplete, path, note))]);
        }
        catch (Exception exception)
        {
            return Failed(path, sha256, bytes.LongLength, exception);
        }
    }

    private static (ModuleModel? Model, IReadOnlyList<string> Notes, string? Malformed) Recover(byte[] bytes, string path)
    {
        try
        {
            var (model, notes) = new FrontEnds.Binary.Recovery.BinaryModuleRecovery(PeImageReader.Open(bytes), path).Recover();
            return (model, notes, null);
        }
        catch (MalformedImageException exception)
        {
            return (null, [], exception.Message);
        }
    }

    private InputResult AnalyzeSources(ResolvedInput input, RuleContext context, Lazy<(CppToolchain? Toolchain, string? Error)> toolchain,
        FrontEnds.Cpp.Parsing.ParseCache? parseCache)
    {
        var path = input.FullPath;
        string? sha256 = null;
        long length = 0;
        if (input.Kind != InputKind.SourceFolder)
        {
            if (HashTextInput(path, out var hash, out length) is { } unreadable)
            {
                return unreadable;
            }
            sha256 = hash;
        }
        if (input.Kind is InputKind.CSharpProject or InputKind.CSharpFile)
        {
            return AnalyzeCSharp(input, context, sha256, length);
        }
        IReadOnlyList<CppProject> projects;
        try
        {
            projects = input.Kind switch
            {
                InputKind.VcxProject => VcxprojProject.LoadConfigurations(path),
                InputKind.VcProject => VcprojProject.LoadConfigurations(path),
                InputKind.CompileCommands => [CompileCommandsProject.Load(path)],
                InputKind.SourceFile => [new CppProject(path, "x64", null, [new CompileUnit(path, [], [Path.GetDirectoryName(path)!], [])], [])],
                _ => [FolderProject.Load(path)],
            };
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException)
        {
            return new InputResult(new AnalyzedInput(path, sha256, length, null), [], [Notify(ToolNotificationIds.ProjectUnreadable, path, exception.Message)]);
        }
        if (toolchain.Value.Toolchain is not { } tools)
        {
            return new InputResult(new AnalyzedInput(path, sha256, length, null), [], [Notify(ToolNotificationIds.CppFrontEndUnavailable, path, toolchain.Value.Error!)]);
        }
        try
        {
            // Every configuration whose code differs is analyzed; a finding they share is reported once.
            var analyses = projects.Select(project => new CppFrontEnd(tools) { Cache = parseCache }.Analyze(project)).ToList();
            var skipped = analyses.SelectMany(analysis => analysis.Skipped ?? []).Distinct(StringComparer.Ordinal)
                .Concat(projects.Select(project => project.EvaluationNote).OfType<string>().Distinct(StringComparer.Ordinal).Select(note => $"{path}: {note}"))
                .Concat(projects.SelectMany(project => project.MissingImports).Distinct(StringComparer.Ordinal)
                    .Select(import => $"{path}: import '{import}' does not exist here and was passed over (the Visual C++ targets are absent off Windows)"))
                .Concat(parseCache is null || analyses.All(analysis => analysis.NotAModule is not null) ? [] :
                    [$"{path}: {analyses.Sum(analysis => analysis.FromCache)} of {analyses.Sum(analysis => analysis.UnitCount)} translation unit parse(s) "
                     + $"taken from the parse cache, unchanged since an earlier run ({parseCache.Directory})"])
                .ToList();
            if (analyses.All(analysis => analysis.NotAModule is not null))
            {
                // Not a module: a static library, a resource DLL, a host that loads modules. Nothing to report on it.
                return new InputResult(new AnalyzedInput(path, sha256, length, analyses[0].Model), [], [],
                    [$"{path}: not an IIS module ({analyses[0].NotAModule}); not reported on", .. skipped]);
            }
            analyses = [.. analyses.Where(analysis => analysis.NotAModule is null)];
            var findings = analyses.SelectMany(analysis => Check(analysis.Model, context))
                .DistinctBy(finding => (finding.RuleId, finding.Location, finding.Message)).ToList();
            return new InputResult(new AnalyzedInput(path, sha256, length, analyses[0].Model), findings, CppNotifications(path, analyses), skipped);
        }
        catch (Exception exception)
        {
            return Failed(path, sha256, length, exception);
        }
    }

    /// <summary>
    /// One IISM9005 (and one IISM9006) per module, however many of its units clang had trouble with, with the count and
    /// the first error; an IISM9004 for each unit the parser itself failed on; an IISM9010 for each project item skipped.
    /// </summary>
    private List<ToolNotification> CppNotifications(string path, IReadOnlyList<CppAnalysis> analyses)
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
                ? Notify(ToolNotificationIds.IisHeadersUnavailable, path, scope, first.FirstError)
                : Notify(ToolNotificationIds.SourceAnalysisDegraded, path, $"{scope} ({errors} error{(errors == 1 ? "" : "s")})", first.FirstError));
        }
        notifications.AddRange(analyses.SelectMany(analysis => analysis.Failed).DistinctBy(unit => unit.SourcePath)
            .Select(unit => Notify(ToolNotificationIds.AnalysisFailed, unit.SourcePath, unit.Reason)));
        notifications.AddRange(analyses.SelectMany(analysis => analysis.Problems).Distinct(StringComparer.Ordinal)
            .Select(problem => Notify(ToolNotificationIds.ProjectItemSkipped, path, problem)));
        return notifications;
    }

    private InputResult AnalyzeCSharp(ResolvedInput input, RuleContext context, string? sha256, long length)
    {
        var path = input.FullPath;
        try
        {
            var project = input.Kind == InputKind.CSharpProject ? FrontEnds.CSharp.CSharpProject.Load(path) : FrontEnds.CSharp.CSharpProject.FromFile(path);
            // Roslyn and our collector recurse over syntax: hostile nesting needs a deep stack, not a crash.
            var analysis = LargeStack.Run(() => FrontEnds.CSharp.CSharpFrontEnd.Analyze(project));
            var notifications = analysis.Errors.Select(error => Notify(ToolNotificationIds.SourceAnalysisDegraded, error.File,
                $"this file ({error.Count} error{(error.Count == 1 ? "" : "s")})", error.First)).ToList();
            notifications.AddRange(analysis.Skipped.Select(skipped => Notify(ToolNotificationIds.ProjectItemSkipped, path, skipped)));
            // References that cannot be resolved make the analysis blind to types a build would see: an error.
            notifications.AddRange(project.Problems.Select(problem => Notify(ToolNotificationIds.ProjectUnreadable, path, problem)));
            // #pragma, [SuppressMessage] and .editorconfig severities, judged by Roslyn as the build judges them.
            var findings = Suppressions.CSharpSuppressions.Apply(analysis.Compilation, Check(analysis.Model, context), catalog);
            return new InputResult(new AnalyzedInput(path, sha256, length, analysis.Model), findings, notifications);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new InputResult(new AnalyzedInput(path, sha256, length, null), [], [Notify(ToolNotificationIds.ProjectUnreadable, path, exception.Message)]);
        }
        catch (Exception exception)
        {
            return Failed(path, sha256, length, exception);
        }
    }

    private List<Finding> Check(ModuleModel model, RuleContext context) => [.. rules.SelectMany(rule => rule.Check(model, context))];

    private InputResult Failed(string path, string? sha256, long length, Exception exception) =>
        new(new AnalyzedInput(path, sha256, length, null), [],
            [Notify(ToolNotificationIds.AnalysisFailed, path, $"{exception.GetType().Name}: {exception.Message}")]);

    /// <summary>A project, source or configuration read once under the text cap for its hash; the notification when it cannot be read.</summary>
    private InputResult? HashTextInput(string path, out string sha256, out long length)
    {
        (sha256, length) = ("", 0);
        try
        {
            var bytes = SafeFile.ReadAllBytes(path, SafeFile.MaxTextBytes);
            (sha256, length) = (Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.LongLength);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new InputResult(null, [], [Notify(ToolNotificationIds.InputUnreadable, path, exception.Message)]);
        }
    }

    private ToolNotification Notify(string ruleId, string path, params string[] details) => ToolNotification.Create(catalog, ruleId, path, details);
}
