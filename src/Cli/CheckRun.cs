using IisModuleValidator.Analysis;
using IisModuleValidator.Analysis.Baselines;
using IisModuleValidator.Catalog;
using IisModuleValidator.Reporting;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Cli;

/// <summary>One `check`: refuse outputs that would overwrite an input, analyze, write every report, and choose the exit code.</summary>
public sealed class CheckRun(CheckSettings settings, TextWriter output, TextWriter error, bool showProgress)
{
    private readonly RuleCatalog catalog = RuleCatalog.Default;

    public int Execute()
    {
        var started = DateTimeOffset.UtcNow;
        var targets = Targets();
        var named = settings.Inputs.Select(input => Path.GetFullPath(input, settings.BaseDirectory)).ToList();
        if (Collision(targets, named) is { } refusal)
        {
            return refusal;
        }
        // A report that cannot be written is known before minutes of analysis: it names a folder, or a folder that is a file.
        foreach (var target in targets.Where(target => target.Path is not null))
        {
            if (Directory.Exists(target.Path))
            {
                return Fail(CommandLine.UsageErrorOrNothingAnalyzed, $"{target.Option} '{target.Path}' is a folder; name the file to write.");
            }
            // Missing folders are made when the report is written; a file where a folder must be is not.
            var above = Path.GetDirectoryName(target.Path!);
            while (above is not null && !Directory.Exists(above) && !File.Exists(above))
            {
                above = Path.GetDirectoryName(above);
            }
            if (above is not null && File.Exists(above))
            {
                return Fail(CommandLine.UsageErrorOrNothingAnalyzed, $"{target.Option} '{target.Path}' cannot be written: '{above}' is a file, not a folder.");
            }
        }
        Baseline? previous = null;
        if (settings.Baseline is { } baselinePath)
        {
            try
            {
                previous = Baseline.Load(baselinePath);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return Fail(CommandLine.UsageErrorOrNothingAnalyzed, $"--baseline '{baselinePath}' cannot be used: {exception.Message}");
            }
        }

        var progress = new ProgressLine(error, showProgress && !settings.Quiet);
        var report = new ModuleValidator(catalog, RuleSet.All).Run(settings.Inputs, settings.BaseDirectory, settings.Analysis with { Progress = progress });
        progress.Clear();
        var diff = false;
        if (settings.Fixes != FixMode.None)
        {
            var outcome = Analysis.Fixes.FixApplier.Apply(report.Findings, write: settings.Fixes == FixMode.Apply);
            foreach (var skipped in outcome.Skipped)
            {
                error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: fix not applied: {skipped}"));
            }
            if (settings.Fixes == FixMode.DryRun)
            {
                // The diff is what standard output shows; reports to files are written as usual.
                diff = true;
                foreach (var (file, before, after) in outcome.Changes)
                {
                    output.Write(Analysis.Fixes.UnifiedDiff.Of(PathDisplay.For(settings.BaseDirectory, file), before, after));
                }
            }
            else
            {
                var choices = report.Findings.Where(finding => !finding.IsSuppressed).Sum(finding => finding.Fixes.Count(fix => fix.IsChoice));
                error.WriteLine($"{ToolInfo.Command}: {outcome.Applied} edit(s) applied to {outcome.Changes.Count} file(s)"
                    + (choices > 0 ? $"; {choices} more are a choice, not applied (SARIF's fixes[] offers them)" : ""));
                // What is reported is what is left.
                report = outcome.Applied == 0 ? report : new ModuleValidator(catalog, RuleSet.All).Run(settings.Inputs, settings.BaseDirectory, settings.Analysis);
            }
        }
        if (previous is not null)
        {
            report = previous.Compare(report);
        }
        if (settings.Verbose)
        {
            if (settings.ConfigFile is { } config)
            {
                error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: settings from the configuration file {config}, under the command line's"));
            }
            foreach (var line in report.SkippedInputs.Concat(report.CompileEnvironment.Select(used => $"C++ parsed with {used}")))
            {
                error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: {line}"));
            }
        }
        // Inputs reached through folders and patterns count too, by identity.
        if (Collision(targets, report.Inputs.Select(input => input.FullPath)) is { } late)
        {
            return late;
        }
        var exitCode = report.HasInternalFailure ? CommandLine.InternalFailure
            : report.AnalyzedCount == 0 ? CommandLine.UsageErrorOrNothingAnalyzed
            : report.HasAtOrAbove(settings.FailOn) ? CommandLine.FindingsAtOrAboveThreshold
            : CommandLine.Success;
        report = report with
        {
            AutomationId = settings.AutomationId,
            Invocation = new RunInvocation(settings.Arguments, settings.WorkingDirectory, exitCode,
                settings.Timestamps ? started : null, settings.Timestamps ? DateTimeOffset.UtcNow : null),
        };
        foreach (var target in targets)
        {
            if (target.Path is null)
            {
                if (!diff)
                {
                    target.Reporter.Write(report, output);
                }
                continue;
            }
            try
            {
                ReportFile.Write(target.Path, writer => target.Reporter.Write(report, writer));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return Fail(CommandLine.InternalFailure, $"{target.What} could not be written to '{target.Path}': {exception.Message}");
            }
        }
        if (!settings.Quiet)
        {
            error.WriteLine(LogLine.Neutralize(RunSummary.Of(report)));
        }
        return exitCode;
    }

    /// <param name="Path">Null: standard output.</param>
    private sealed record ReportTarget(string Option, string What, string? Path, IReporter Reporter);

    private List<ReportTarget> Targets()
    {
        var sarif = ReportFormats.Sarif(catalog);
        return
        [
            new("--output", "the report", settings.Output, ReportFormats.Create(settings.Format, catalog)),
            .. settings.SarifFiles.Select(file => new ReportTarget(file.Option, file.What, file.Path, sarif)),
        ];
    }

    /// <summary>Exit 2 with why, when a file the run would write is one of <paramref name="inputs"/>.</summary>
    private int? Collision(IEnumerable<ReportTarget> targets, IEnumerable<string> inputs)
    {
        var inputList = inputs.ToList();
        foreach (var target in targets.Where(target => target.Path is not null))
        {
            if (ReportFile.CollidingInput(target.Path!, inputList) is { } overwritten)
            {
                return Fail(CommandLine.UsageErrorOrNothingAnalyzed, $"{target.Option} '{target.Path}' is the input '{overwritten}'; refusing to overwrite it.");
            }
        }
        return null;
    }

    private int Fail(int exitCode, string why)
    {
        error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: {why}"));
        return exitCode;
    }
}
