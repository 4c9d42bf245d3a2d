using System.CommandLine;
using IisModuleValidator.Analysis;
using IisModuleValidator.Analysis.Baselines;
using IisModuleValidator.Catalog;
using IisModuleValidator.FrontEnds.Binary;
using IisModuleValidator.Reporting;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Cli;

/// <summary>`check`: validate modules and report in the chosen format; the exit code says whether the build should fail.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Module DLLs, folders (every *.dll below) or patterns such as 'bin/**/*.dll'.",
            Arity = ArgumentArity.OneOrMore,
        };
        inputs.Validators.Add(InputValidation.RejectUnknownOptions);
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: msbuild (default), text, sarif, github (Actions annotations) or azdo (Azure Pipelines logging commands).",
            DefaultValueFactory = _ => "msbuild",
        };
        format.AcceptOnlyFromAmong("msbuild", "text", "sarif", "github", "azdo");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to this file instead of standard output.",
        };
        var failOn = new Option<string>("--fail-on")
        {
            Description = "Exit with 1 when a finding is at or above this level: error (default), warning, note or none.",
            DefaultValueFactory = _ => "error",
        };
        failOn.AcceptOnlyFromAmong("error", "warning", "note", "none");
        var expectArch = new Option<string?>("--expect-arch")
        {
            Description = "The architecture the modules must be built for: x86, x64 or arm64 (IISM1005).",
        };
        expectArch.AcceptOnlyFromAmong([.. MachineNames.Expectable]);
        var sdkInclude = new Option<string?>("--sdk-include")
        {
            Description = "The Windows SDK Include\\<version> folder for C++ sources (default: INCLUDE, Windows Kits, or the NuGet package).",
        };
        var baseDir = new Option<string?>("--base-dir")
        {
            Description = "The folder paths in the report are relative to (SARIF SRCROOT). Default: the current folder.",
        };
        var requireRecovery = new Option<bool>("--require-recovery")
        {
            Description = "Demand proof from DLLs: a registration or module class the binary recovery could not follow (IISM9009) is an error, not a note.",
        };
        var ruleLevels = new Option<string[]>("--rule")
        {
            Description = "Set a rule's level: IISMnnnn=none|note|warning|error (repeatable). Over dotnet_diagnostic.IISMnnnn.severity in .editorconfig/.globalconfig, which are read for every language.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        ruleLevels.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(token => token.Value))
            {
                if (ParseRuleLevel(token) is null)
                {
                    result.AddError($"--rule '{token}' is not IISMnnnn=none|note|warning|error with a rule id of the catalog (list-rules).");
                }
            }
        });
        var sarifOutput = new Option<string?>("--sarif-output")
        {
            Description = "Also write the SARIF 2.1.0 report to this file, whatever --format prints (msbuild lines and a SARIF file from one run).",
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "A previous run's SARIF: only findings it does not hold fail the run and are listed; SARIF marks each result new, unchanged, updated or absent.",
        };
        var writeBaseline = new Option<string?>("--write-baseline")
        {
            Description = "Also write this run's SARIF to this file, to use as a later run's --baseline.",
        };
        var quiet = new Option<bool>("--quiet", "-q")
        {
            Description = "Print only the report: no progress line and no summary on standard error.",
        };
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Also tell on standard error what was skipped and why (folders not walked, projects that are not modules).",
        };

        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Parse every C++ translation unit, neither reading nor writing the cache of earlier parses.",
        };
        var cacheDir = new Option<string?>("--cache-dir")
        {
            Description = "Where C++ parses are kept between runs (default: the user's cache folder, e.g. ~/.cache/iis-module-validator).",
        };

        var roots = new Option<string[]>("--root")
        {
            Description = "For IIS configurations checked away from the server: DRIVE=PATH maps a drive (C=./server-copy) to a copied tree (repeatable).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var environment = new Option<string[]>("--env")
        {
            Description = "For IIS configurations: NAME=VALUE sets a variable their paths use (windir=C:\\Windows) (repeatable).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        foreach (var (option, what) in new[] { (roots, "DRIVE=PATH"), (environment, "NAME=VALUE") })
        {
            option.Validators.Add(result =>
            {
                foreach (var token in result.Tokens.Select(token => token.Value).Where(token => Pair(token) is null))
                {
                    result.AddError($"{option.Name} '{token}' is not {what}.");
                }
            });
        }

        var command = new Command("check", "Validate IIS native modules and report what would fail in IIS.")
        {
            inputs, format, output, sarifOutput, failOn, expectArch, sdkInclude, baseDir, requireRecovery, ruleLevels, baseline, writeBaseline, quiet, verbose,
            noCache, cacheDir, roots, environment,
        };
        command.Description += " " + CommandLine.ExitCodeHelp;
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var baseDirectory = Path.GetFullPath(parseResult.GetValue(baseDir) ?? Directory.GetCurrentDirectory());
            var outputPath = parseResult.GetValue(output) is { } path ? Path.GetFullPath(path) : null;
            var inputList = parseResult.GetValue(inputs)!;
            if (outputPath is not null && ReportFile.CollidingInput(outputPath, inputList.Select(input => Path.GetFullPath(input, baseDirectory))) is { } named)
            {
                error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: --output '{outputPath}' is the input '{named}'; refusing to overwrite it."));
                return CommandLine.UsageErrorOrNothingAnalyzed;
            }

            // The SARIF files written beside the report: --sarif-output, and --write-baseline (a baseline is a SARIF report).
            var sarifFiles = new[] { (Option: "--sarif-output", What: "the SARIF report", Path: parseResult.GetValue(sarifOutput)), (Option: "--write-baseline", What: "the baseline", Path: parseResult.GetValue(writeBaseline)) }
                .Where(file => file.Path is not null).Select(file => (file.Option, file.What, Path: Path.GetFullPath(file.Path!))).ToList();
            foreach (var file in sarifFiles)
            {
                if (ReportFile.CollidingInput(file.Path, inputList.Select(input => Path.GetFullPath(input, baseDirectory))) is { } overwritten)
                {
                    error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: {file.Option} '{file.Path}' is the input '{overwritten}'; refusing to overwrite it."));
                    return CommandLine.UsageErrorOrNothingAnalyzed;
                }
            }
            Baseline? previous = null;
            if (parseResult.GetValue(baseline) is { } baselinePath)
            {
                try
                {
                    previous = Baseline.Load(Path.GetFullPath(baselinePath));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: --baseline '{baselinePath}' cannot be used: {exception.Message}"));
                    return CommandLine.UsageErrorOrNothingAnalyzed;
                }
            }

            var catalog = RuleCatalog.Default;
            var isQuiet = parseResult.GetValue(quiet);
            // Progress only where a person watches: a terminal, not a build log or a pipe.
            var progress = new ProgressLine(error, !isQuiet && error == Console.Error && !Console.IsErrorRedirected);
            var report = new ModuleValidator(catalog, RuleSet.All).Run(inputList, baseDirectory,
                new AnalysisOptions(parseResult.GetValue(expectArch), parseResult.GetValue(sdkInclude), parseResult.GetValue(requireRecovery),
                    (parseResult.GetValue(ruleLevels) ?? []).Select(ParseRuleLevel).OfType<(string Id, RuleLevel Level)>()
                        .GroupBy(setting => setting.Id).ToDictionary(group => group.Key, group => group.Last().Level),
                    progress,
                    parseResult.GetValue(noCache) ? null : Path.GetFullPath(parseResult.GetValue(cacheDir) ?? AnalysisOptions.DefaultParseCacheDirectory),
                    new FrontEnds.IisConfig.OfflinePaths(
                        Pairs(parseResult.GetValue(roots)).ToDictionary(pair => pair.Name.TrimEnd(':'), pair => Path.GetFullPath(pair.Value, baseDirectory)),
                        Pairs(parseResult.GetValue(environment)).ToDictionary(pair => pair.Name, pair => pair.Value))));
            progress.Clear();
            if (previous is not null)
            {
                report = previous.Compare(report);
            }
            var sarif = new SarifReporter(catalog, [.. RuleSet.All.Select(rule => rule.Id)]);
            IReporter reporter = parseResult.GetValue(format) switch
            {
                "text" => new TextReporter(catalog),
                "sarif" => sarif,
                "github" => new GitHubReporter(catalog),
                "azdo" => new AzureDevOpsReporter(),
                _ => new MsBuildReporter(),
            };
            if (parseResult.GetValue(verbose))
            {
                foreach (var skipped in report.SkippedInputs)
                {
                    error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: {skipped}"));
                }
                foreach (var used in report.CompileEnvironment)
                {
                    error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: C++ parsed with {used}"));
                }
            }
            if (outputPath is null)
            {
                reporter.Write(report, parseResult.InvocationConfiguration.Output);
            }
            else
            {
                // Inputs reached through folders and patterns count too, by identity.
                if (ReportFile.CollidingInput(outputPath, report.Inputs.Select(input => input.FullPath)) is { } reached)
                {
                    error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: --output '{outputPath}' is the input '{reached}'; refusing to overwrite it."));
                    return CommandLine.UsageErrorOrNothingAnalyzed;
                }
                try
                {
                    ReportFile.Write(outputPath, writer => reporter.Write(report, writer));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: the report could not be written to '{outputPath}': {exception.Message}"));
                    return CommandLine.InternalFailure;
                }
            }
            foreach (var file in sarifFiles)
            {
                if (ReportFile.CollidingInput(file.Path, report.Inputs.Select(input => input.FullPath)) is { } reached)
                {
                    error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: {file.Option} '{file.Path}' is the input '{reached}'; refusing to overwrite it."));
                    return CommandLine.UsageErrorOrNothingAnalyzed;
                }
                try
                {
                    ReportFile.Write(file.Path, writer => sarif.Write(report, writer));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: {file.What} could not be written to '{file.Path}': {exception.Message}"));
                    return CommandLine.InternalFailure;
                }
            }
            if (!isQuiet)
            {
                error.WriteLine(LogLine.Neutralize(Summary(report)));
            }

            if (report.HasInternalFailure)
            {
                return CommandLine.InternalFailure;
            }
            if (report.AnalyzedCount == 0)
            {
                return CommandLine.UsageErrorOrNothingAnalyzed;
            }
            var threshold = RuleLevels.Parse(parseResult.GetValue(failOn)!);
            return report.HasAtOrAbove(threshold) ? CommandLine.FindingsAtOrAboveThreshold : CommandLine.Success;
        });
        return command;
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
            return (parts[0].ToUpperInvariant(), RuleLevels.Parse(parts[1]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Summary(AnalysisReport report)
    {
        var withFindings = report.Active.Select(finding => finding.Location.FilePath).Distinct().Count();
        var failed = report.Inputs.Count(input => !input.WasAnalyzed)
                     + report.Notifications.Count(notification => notification.RuleId == ToolNotificationIds.InputUnreadable);
        var notAnalyzed = failed == 0 ? "" : $", {failed} could not be analyzed";
        return $"{ToolInfo.Command}: {report.AnalyzedCount} file(s) analyzed, {withFindings} with findings{notAnalyzed}; "
               + $"{report.Count(RuleLevel.Error)} error(s), {report.Count(RuleLevel.Warning)} warning(s), {report.Count(RuleLevel.Note)} note(s)"
               + (report.SuppressedCount > 0 ? $"; {report.SuppressedCount} suppressed in source" : "")
               + (report.HasBaseline ? $"; {report.BaselinedCount} already in the baseline, {report.Absent.Count} of its results gone" : "")
               + ".";
    }

    private static (string Name, string Value)? Pair(string token) =>
        token.IndexOf('=') is var at and > 0 && at < token.Length - 1 ? (token[..at], token[(at + 1)..]) : null;

    /// <summary>NAME=VALUE settings, the last one of a name winning.</summary>
    private static IEnumerable<(string Name, string Value)> Pairs(string[]? tokens) =>
        (tokens ?? []).Select(Pair).OfType<(string Name, string Value)>().GroupBy(pair => pair.Name, StringComparer.OrdinalIgnoreCase).Select(group => group.Last());
}
