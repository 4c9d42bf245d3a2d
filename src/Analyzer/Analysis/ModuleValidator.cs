using IisModuleValidator.Catalog;
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
/// <param name="Excludes">Inputs to leave out (--exclude, a configuration file's "exclude").</param>
public sealed record AnalysisOptions(string? ExpectedArchitecture = null, string? SdkInclude = null, bool RequireRecovery = false,
    IReadOnlyDictionary<string, RuleLevel>? RuleLevels = null, IProgress<InputProgress>? Progress = null, string? ParseCacheDirectory = null,
    FrontEnds.IisConfig.OfflinePaths? ServerPaths = null, IReadOnlyList<ExcludePattern>? Excludes = null)
{
    /// <summary>The user's cache folder for C++ parses ($XDG_CACHE_HOME or ~/.cache, %LOCALAPPDATA% on Windows).</summary>
    public static string DefaultParseCacheDirectory => FrontEnds.Cpp.Parsing.ParseCache.DefaultDirectory;
}

/// <summary>
/// The pipeline: resolve inputs, hand each to its front end (<see cref="IInputFrontEnd"/>), set the levels, mark the
/// suppressed findings, and collect findings and notifications in a stable order. A bad input never stops the others.
/// </summary>
public sealed class ModuleValidator(RuleCatalog catalog, IReadOnlyList<Rule> rules)
{
    public ModuleValidator() : this(RuleCatalog.Default, RuleSet.All)
    {
    }

    public AnalysisReport Run(IEnumerable<string> inputs, string baseDirectory, string? expectedArchitecture = null) =>
        Run(inputs, baseDirectory, new AnalysisOptions(expectedArchitecture));

    public AnalysisReport Run(IEnumerable<string> inputs, string baseDirectory, AnalysisOptions options)
    {
        var resolution = InputResolver.Resolve(inputs, baseDirectory, catalog);
        var (kept, excluded) = InputExcludes.Apply(resolution.Inputs, options.Excludes ?? []);
        resolution = resolution with { Inputs = kept, Skipped = [.. resolution.Skipped, .. excluded] };
        var run = new RunScope(catalog, rules, new RuleContext(catalog, options.ExpectedArchitecture), options);
        var binaries = new BinaryInputs(run);
        IInputFrontEnd[] frontEnds = [binaries, new CppInputs(run), new CSharpInputs(run), new DeploymentInputs(run, binaries, resolution.Inputs)];
        var routed = resolution.Inputs.Select(input => (Input: input, FrontEnd: frontEnds.First(frontEnd => frontEnd.Handles(input.Kind)))).ToList();

        var (total, done) = (routed.Count, 0);
        InputResult Analyze((ResolvedInput Input, IInputFrontEnd FrontEnd) item)
        {
            InputResult result;
            try
            {
                result = item.FrontEnd.Analyze(item.Input);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                result = run.Failed(item.Input.FullPath, null, 0, exception);
            }
            options.Progress?.Report(new InputProgress(Interlocked.Increment(ref done), total, item.Input.FullPath));
            return result;
        }
        // Binaries are cheap and many: in parallel, first. Projects parallelize over their own units, one after another.
        var perInput = routed.Where(item => item.FrontEnd.InParallel).AsParallel().AsOrdered().Select(Analyze).ToList();
        perInput.AddRange(routed.Where(item => !item.FrontEnd.InParallel).Select(item =>
        {
            options.Progress?.Report(new InputProgress(Volatile.Read(ref done), total, item.Input.FullPath));
            return Analyze(item);
        }));
        var summaries = frontEnds.Select(frontEnd => frontEnd.Finish([.. routed.Where(item => item.FrontEnd == frontEnd).Select(item => item.Input)])).ToList();

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
        var notifications = severities.Apply([.. resolution.Notifications
            .Concat(perInput.SelectMany(result => result.Notifications))
            .Concat(summaries.SelectMany(summary => summary.Notifications))
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
        return new AnalysisReport(baseDirectory, analyzed, findings, notifications, skipped)
        {
            CompileEnvironment = [.. summaries.SelectMany(summary => summary.CompileEnvironment)],
        };
    }
}
