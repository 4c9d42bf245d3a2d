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
        Description = "Module DLLs, C++ and C# projects and sources, IIS configurations, folders (walked for all of these) or patterns such as 'bin/**/*.dll'.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string> Format { get; } = new("--format", "-f")
    {
        Description = "Output format: msbuild (default), text, sarif, github (Actions annotations) or azdo (Azure Pipelines logging commands).",
        DefaultValueFactory = _ => ReportFormats.Default,
    };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the report to this file instead of standard output." };

    public Option<string?> SarifOutput { get; } = new("--sarif-output")
    {
        Description = "Also write the SARIF 2.1.0 report to this file, whatever --format prints (msbuild lines and a SARIF file from one run).",
    };

    public Option<string> FailOn { get; } = new("--fail-on")
    {
        Description = "Exit with 1 when a finding is at or above this level: error (default), warning, note or none.",
        DefaultValueFactory = _ => "error",
    };

    public Option<string?> ExpectArch { get; } = new("--expect-arch") { Description = "The architecture the modules must be built for: x86, x64 or arm64 (IISM1005)." };

    public Option<string?> SdkInclude { get; } = new("--sdk-include")
    {
        Description = "The Windows SDK Include\\<version> folder for C++ sources (default: INCLUDE, Windows Kits, or the NuGet package).",
    };

    public Option<string?> BaseDir { get; } = new("--base-dir")
    {
        Description = "The folder paths in the report are relative to (SARIF SRCROOT). Default: the current folder.",
    };

    public Option<bool> RequireRecovery { get; } = new("--require-recovery")
    {
        Description = "Demand proof from DLLs: a registration or module class the binary recovery could not follow (IISM9009) is an error, not a note.",
    };

    public Option<string[]> RuleLevels { get; } = new("--rule")
    {
        Description = "Set a rule's level: IISMnnnn=none|note|warning|error (repeatable). Over dotnet_diagnostic.IISMnnnn.severity in .editorconfig/.globalconfig, which are read for every language.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "A previous run's SARIF: only findings it does not hold fail the run and are listed; SARIF marks each result new, unchanged, updated or absent.",
    };

    public Option<string?> WriteBaseline { get; } = new("--write-baseline") { Description = "Also write this run's SARIF to this file, to use as a later run's --baseline." };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only the report: no progress line and no summary on standard error." };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Also tell on standard error what was skipped and why (folders not walked, projects that are not modules).",
    };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Parse every C++ translation unit, neither reading nor writing the cache of earlier parses." };

    public Option<string?> CacheDir { get; } = new("--cache-dir")
    {
        Description = "Where C++ parses are kept between runs (default: the user's cache folder, e.g. ~/.cache/iis-module-validator).",
    };

    public Option<string[]> Roots { get; } = new("--root")
    {
        Description = "For IIS configurations checked away from the server: DRIVE=PATH maps a drive (C=./server-copy) to a copied tree (repeatable).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Environment { get; } = new("--env")
    {
        Description = "For IIS configurations: NAME=VALUE sets a variable their paths use (windir=C:\\Windows) (repeatable).",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public CheckOptions()
    {
        Inputs.Validators.Add(InputValidation.RejectUnknownOptions);
        Format.AcceptOnlyFromAmong([.. ReportFormats.Names]);
        FailOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        ExpectArch.AcceptOnlyFromAmong([.. MachineNames.Expectable]);
        RuleLevels.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(token => token.Value).Where(token => ParseRuleLevel(token) is null))
            {
                result.AddError($"--rule '{token}' is not IISMnnnn=none|note|warning|error with a rule id of the catalog (list-rules).");
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
        Inputs, Format, Output, SarifOutput, FailOn, ExpectArch, SdkInclude, BaseDir, RequireRecovery, RuleLevels, Baseline, WriteBaseline, Quiet, Verbose,
        NoCache, CacheDir, Roots, Environment,
    ];

    public CheckSettings Bind(ParseResult parse)
    {
        var baseDirectory = Path.GetFullPath(parse.GetValue(BaseDir) ?? Directory.GetCurrentDirectory());
        var sarifFiles = new[] { (Option: "--sarif-output", What: "the SARIF report", Path: parse.GetValue(SarifOutput)), (Option: "--write-baseline", What: "the baseline", Path: parse.GetValue(WriteBaseline)) }
            .Where(file => file.Path is not null).Select(file => (file.Option, file.What, Path: Path.GetFullPath(file.Path!))).ToList();
        var analysis = new AnalysisOptions(parse.GetValue(ExpectArch), parse.GetValue(SdkInclude), parse.GetValue(RequireRecovery),
            (parse.GetValue(RuleLevels) ?? []).Select(ParseRuleLevel).OfType<(string Id, RuleLevel Level)>()
                .GroupBy(setting => setting.Id).ToDictionary(group => group.Key, group => group.Last().Level),
            Progress: null,
            parse.GetValue(NoCache) ? null : Path.GetFullPath(parse.GetValue(CacheDir) ?? AnalysisOptions.DefaultParseCacheDirectory),
            new OfflinePaths(
                Pairs(parse.GetValue(Roots)).ToDictionary(pair => pair.Name.TrimEnd(':'), pair => Path.GetFullPath(pair.Value, baseDirectory)),
                Pairs(parse.GetValue(Environment)).ToDictionary(pair => pair.Name, pair => pair.Value)));
        return new CheckSettings(parse.GetValue(Inputs)!, baseDirectory, parse.GetValue(Format)!,
            parse.GetValue(Output) is { } output ? Path.GetFullPath(output) : null, sarifFiles,
            parse.GetValue(Baseline) is { } baseline ? Path.GetFullPath(baseline) : null,
            Catalog.RuleLevels.Parse(parse.GetValue(FailOn)!), parse.GetValue(Quiet), parse.GetValue(Verbose), analysis);
    }

    /// <summary>"IISM2003=none" → (IISM2003, None); null when it is not a known rule id and a level.</summary>
    private static (string Id, RuleLevel Level)? ParseRuleLevel(string setting)
    {
        var parts = setting.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !RuleCatalog.Default.All.Any(rule => rule.Id == parts[0].ToUpperInvariant()))
        {
            return null;
        }
        try
        {
            return (parts[0].ToUpperInvariant(), Catalog.RuleLevels.Parse(parts[1]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static (string Name, string Value)? Pair(string token) =>
        token.IndexOf('=') is var at and > 0 && at < token.Length - 1 ? (token[..at], token[(at + 1)..]) : null;

    /// <summary>NAME=VALUE settings, the last one of a name winning.</summary>
    private static IEnumerable<(string Name, string Value)> Pairs(string[]? tokens) =>
        (tokens ?? []).Select(Pair).OfType<(string Name, string Value)>().GroupBy(pair => pair.Name, StringComparer.OrdinalIgnoreCase).Select(group => group.Last());
}
