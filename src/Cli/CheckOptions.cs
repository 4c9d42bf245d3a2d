using System.CommandLine;
using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.FrontEnds.Binary;
using IisModuleValidator.FrontEnds.IisConfig;

namespace IisModuleValidator.Cli;

/// <summary>The options of `check`, and how a parse of them becomes <see cref="CheckSettings"/>.</summary>
public sealed class CheckOptions
{
    public Argument<string[]> Inputs { get; } = new("inputs")
    {
        Description = "Module DLLs, C++ and C# projects and sources, IIS configurations, CMake trees, solutions, folders (walked for all of these) or patterns such as 'bin/**/*.dll'; "
            + "default: the \"inputs\" of " + ConfigFile.FileName + ".",
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "inputs",
    };

    public Option<string> Format { get; } = new("--format", "-f")
    {
        HelpName = "format",
        Description = "Output format: msbuild (default), text, sarif, github (Actions annotations) or azdo (Azure Pipelines logging commands).",
        DefaultValueFactory = _ => ReportFormats.Default,
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Write the report to this file instead of standard output; a .sarif file gets SARIF unless --format says otherwise, which is then an error.",
        HelpName = "file",
    };

    public Option<string?> SarifOutput { get; } = new("--sarif-output")
    {
        Description = "Also write the SARIF 2.1.0 report to this file, whatever --format prints (msbuild lines and a SARIF file from one run).",
        HelpName = "file",
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Leave out the inputs this glob matches, relative to --base-dir, such as '**/thirdparty/**' (repeatable; with a configuration file's \"exclude\").",
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "glob",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "The configuration file to use, instead of the " + ConfigFile.FileName + " found in the current folder or above it (up to the repository's top).",
        HelpName = "file",
    };

    public Option<bool> NoConfig { get; } = new("--no-config") { Description = "Use no configuration file, even where one would be found." };

    public Option<string?> AutomationId { get; } = new("--automation-id")
    {
        Description = "SARIF automationDetails.id, category/ or category/run (default " + AnalysisReport.DefaultAutomationId + "): GitHub needs one per SARIF file of a commit.",
        HelpName = "id",
    };

    public Option<bool> Fix { get; } = new("--fix")
    {
        Description = "Apply the fixes of C++ findings that need no choice (a missing handler added, a post bit without a post event removed), then report what is left.",
    };

    public Option<bool> FixDryRun { get; } = new("--fix-dry-run")
    {
        Description = "Print the fixes --fix would apply as a unified diff on standard output (in place of the report there), changing nothing.",
    };

    public Option<bool> Timestamps { get; } = new("--timestamps")
    {
        Description = "Write the run's start and end times into SARIF's invocation (the file then differs from run to run).",
    };

    public Option<string> FailOn { get; } = new("--fail-on")
    {
        HelpName = "level",
        Description = "Exit with 1 when a finding is at or above this level: error (default), warning, note or none.",
        DefaultValueFactory = _ => "error",
    };

    public Option<string?> ExpectArch { get; } = new("--expect-arch")
    {
        Description = "The architecture the modules must be built for: x86, x64 or arm64 (IISM1005).",
        HelpName = "arch",
    };

    public Option<string?> SdkInclude { get; } = new("--sdk-include")
    {
        HelpName = "dir",
        Description = "The Windows SDK Include\\<version> folder for C++ sources (default: INCLUDE, Windows Kits, or the NuGet package).",
    };

    public Option<string?> BaseDir { get; } = new("--base-dir")
    {
        HelpName = "dir",
        Description = "The folder paths in the report are relative to (SARIF SRCROOT). Default: the current folder.",
    };

    public Option<bool> RequireRecovery { get; } = new("--require-recovery")
    {
        Description = "Demand proof from DLLs: a registration or module class the binary recovery could not follow (IISM9009) is an error, not a note.",
    };

    public Option<string[]> RuleLevels { get; } = new("--rule")
    {
        HelpName = "IISMnnnn=level",
        Description = "Set a rule's level: IISMnnnn=none|note|warning|error, or a pattern of ids such as IISM6*=none (repeatable; a later one wins). Over dotnet_diagnostic.IISMnnnn.severity in .editorconfig/.globalconfig, which are read for every language.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        HelpName = "file",
        Description = "A previous run's SARIF: only findings it does not hold fail the run and are listed; SARIF marks each result new, unchanged, updated or absent.",
    };

    public Option<string?> WriteBaseline { get; } = new("--write-baseline") { HelpName = "file", Description = "Also write this run's SARIF to this file, to use as a later run's --baseline." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only the report: no progress line and no summary on standard error." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Also tell on standard error what was skipped and why (folders not walked, projects that are not modules).",
    };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Parse every C++ translation unit, neither reading nor writing the cache of earlier parses." };

    public Option<string?> CacheDir { get; } = new("--cache-dir")
    {
        HelpName = "dir",
        Description = "Where C++ parses are kept between runs (default: the user's cache folder, e.g. ~/.cache/iis-module-validator).",
    };

    public Option<string[]> Roots { get; } = new("--root")
    {
        HelpName = "DRIVE=DIR",
        Description = "For IIS configurations checked away from the server: DRIVE=PATH maps a drive (C=./server-copy) to a copied tree (repeatable).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Environment { get; } = new("--env")
    {
        HelpName = "NAME=VALUE",
        Description = "For IIS configurations: NAME=VALUE sets a variable their paths use (windir=C:\\Windows) (repeatable).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public CheckOptions()
    {
        Inputs.Validators.Add(InputValidation.RejectUnknownOptions);
        OptionValues.AcceptOneOf(Format, [.. ReportFormats.Names]);
        OptionValues.AcceptOneOf(FailOn, ["error", "warning", "note", "none"]);
        OptionValues.AcceptOneOf(ExpectArch, MachineNames.Expectable);
        RuleLevels.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(token => token.Value))
            {
                if (RuleLevelSetting.Parse(token).Error is { } why)
                {
                    result.AddError($"--rule '{token}': {why}.");
                }
            }
        });
        foreach (var (option, what) in new[] { (Roots, "DRIVE=PATH"), (Environment, "NAME=VALUE") })
        {
            option.Validators.Add(result =>
            {
                foreach (var token in result.Tokens.Select(token => token.Value).Where(token => Pair(token) is null))
                {
                    result.AddError($"{option.Name} '{token}' is not {what}.");
                }
            });
        }
    }

    public IEnumerable<Symbol> All =>
    [
        Inputs, Format, Output, SarifOutput, Exclude, Config, NoConfig, FailOn, ExpectArch, SdkInclude, BaseDir, RequireRecovery, RuleLevels, Baseline, WriteBaseline,
        AutomationId, Timestamps, Fix, FixDryRun, Quiet, Verbose, NoCache, CacheDir, Roots, Environment,
    ];

    /// <summary>The settings of a parse, with the configuration file under them; or why the run cannot start (exit 2).</summary>
    public (CheckSettings? Settings, string? Error) Bind(ParseResult parse)
    {
        var baseDirectory = Path.GetFullPath(parse.GetValue(BaseDir) ?? Directory.GetCurrentDirectory());
        ConfigFile? config = null;
        var configPath = parse.GetValue(NoConfig) ? null : parse.GetValue(Config) is { } named ? Path.GetFullPath(named) : ConfigFile.Find(baseDirectory);
        if (configPath is not null)
        {
            var (loaded, problems) = ConfigFile.Load(configPath);
            if (loaded is null)
            {
                return (null, $"the configuration file '{configPath}' cannot be used: {string.Join("; ", problems)}.");
            }
            config = loaded;
        }
        bool Given(Option option) => parse.GetResult(option) is { Implicit: false };

        var inputs = parse.GetValue(Inputs) is { Length: > 0 } given ? given : config?.Inputs.Select(input => Path.GetFullPath(input, config.Directory)).ToArray() ?? [];
        if (inputs.Length == 0)
        {
            return (null, $"no inputs: name the DLLs, projects or folders to check, or list them as \"inputs\" in {ConfigFile.FileName} (see --help).");
        }
        var format = parse.GetValue(Format)!.ToLowerInvariant();
        var output = parse.GetValue(Output) is { } file ? Path.GetFullPath(file) : null;
        // A .sarif file gets SARIF: msbuild lines in a .sarif file would break the upload that reads it.
        if (output is not null && ReportFormats.ImpliedBy(output) is { } implied && implied != format)
        {
            if (Given(Format))
            {
                return (null, $"-o '{output}' names a {implied} file, but --format is {format}: drop one, or use --sarif-output for SARIF beside {format}.");
            }
            format = implied;
        }
        var sarifFiles = new[] { (Option: "--sarif-output", What: "the SARIF report", Path: parse.GetValue(SarifOutput)), (Option: "--write-baseline", What: "the baseline", Path: parse.GetValue(WriteBaseline)) }
            .Where(target => target.Path is not null).Select(target => (target.Option, target.What, Path: Path.GetFullPath(target.Path!))).ToList();
        var ruleLevels = (config?.Rules ?? [])
            .Concat((parse.GetValue(RuleLevels) ?? []).SelectMany(token => RuleLevelSetting.Parse(token).Settings))
            .GroupBy(setting => setting.Id).ToDictionary(group => group.Key, group => group.Last().Level);
        var excludes = (config?.Exclude.Select(glob => new ExcludePattern(config.Directory, glob, config.Path)) ?? [])
            .Concat((parse.GetValue(Exclude) ?? []).Select(glob => new ExcludePattern(baseDirectory, glob, "--exclude"))).ToList();
        var analysis = new AnalysisOptions(
            (Given(ExpectArch) ? parse.GetValue(ExpectArch) : config?.ExpectArch)?.ToLowerInvariant(),
            parse.GetValue(SdkInclude),
            Given(RequireRecovery) ? parse.GetValue(RequireRecovery) : config?.RequireRecovery ?? false,
            ruleLevels,
            Progress: null,
            parse.GetValue(NoCache) ? null : Path.GetFullPath(parse.GetValue(CacheDir) ?? AnalysisOptions.DefaultParseCacheDirectory),
            new OfflinePaths(
                Pairs(parse.GetValue(Roots)).ToDictionary(pair => pair.Name.TrimEnd(':'), pair => Path.GetFullPath(pair.Value, baseDirectory)),
                Pairs(parse.GetValue(Environment)).ToDictionary(pair => pair.Name, pair => pair.Value)),
            excludes);
        var failOn = Given(FailOn) ? parse.GetValue(FailOn)! : config?.FailOn ?? parse.GetValue(FailOn)!;
        return (new CheckSettings(inputs, baseDirectory, format, output, sarifFiles,
            parse.GetValue(Baseline) is { } baseline ? Path.GetFullPath(baseline) : null,
            Catalog.RuleLevels.Parse(failOn), parse.GetValue(Quiet), parse.GetValue(Verbose), analysis)
        {
            Arguments = [.. parse.Tokens.Select(token => token.Value)],
            AutomationId = parse.GetValue(AutomationId) ?? AnalysisReport.DefaultAutomationId,
            Timestamps = parse.GetValue(Timestamps),
            Fixes = parse.GetValue(FixDryRun) ? FixMode.DryRun : parse.GetValue(Fix) ? FixMode.Apply : FixMode.None,
            ConfigFile = config?.Path,
        }, null);
    }

    private static (string Name, string Value)? Pair(string token) =>
        token.IndexOf('=') is var at and > 0 && at < token.Length - 1 ? (token[..at], token[(at + 1)..]) : null;

    /// <summary>NAME=VALUE settings, the last one of a name winning.</summary>
    private static IEnumerable<(string Name, string Value)> Pairs(string[]? tokens) =>
        (tokens ?? []).Select(Pair).OfType<(string Name, string Value)>().GroupBy(pair => pair.Name, StringComparer.OrdinalIgnoreCase).Select(group => group.Last());
}
