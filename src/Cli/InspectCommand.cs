using System.CommandLine;
using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Reporting;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Cli;

/// <summary>`inspect`: what the validator knows of one or more binaries, for a person.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Module DLLs, projects, sources or folders to describe.",
            Arity = ArgumentArity.OneOrMore,
        };
        inputs.Validators.Add(InputValidation.RejectUnknownOptions);
        var expectArch = new Option<string?>("--expect-arch") { Description = "As for check: x86, x64 or arm64." };
        var sdkInclude = new Option<string?>("--sdk-include") { Description = "As for check: the Windows SDK Include\\<version> folder." };
        var baseDir = new Option<string?>("--base-dir") { Description = "As for check: the folder paths are shown relative to. Default: the current folder." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (default) for a person, or json (versioned: Reporting/InspectJson) for tools.",
            DefaultValueFactory = _ => "text",
            HelpName = "format",
        };
        OptionValues.AcceptOneOf(format, ["text", "json"]);
        OptionValues.AcceptOneOf(expectArch, FrontEnds.Binary.MachineNames.Expectable);
        var command = new Command("inspect", "Show what the validator understands of modules: binaries (machine, exports, imports) and sources (registrations, classes, handlers).")
        {
            inputs, expectArch, sdkInclude, baseDir, format,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var baseDirectory = Path.GetFullPath(parseResult.GetValue(baseDir) ?? Directory.GetCurrentDirectory());
            var report = new ModuleValidator(RuleCatalog.Default, RuleSet.All)
                .Run(parseResult.GetValue(inputs)!, baseDirectory, new AnalysisOptions(parseResult.GetValue(expectArch)?.ToLowerInvariant(), parseResult.GetValue(sdkInclude)));
            if (parseResult.GetValue(format)!.Equals("json", StringComparison.OrdinalIgnoreCase))
            {
                output.Write(InspectJson.Write(report));
            }
            else
            {
                var writer = new InspectWriter(RuleCatalog.Default);
                foreach (var input in report.Inputs)
                {
                    writer.Write(report, input, output);
                }
            }
            new MsBuildReporter().Write(report with { Findings = [] }, parseResult.InvocationConfiguration.Error);
            return report.AnalyzedCount == 0 ? CommandLine.UsageErrorOrNothingAnalyzed : CommandLine.Success;
        });
        return command;
    }
}
