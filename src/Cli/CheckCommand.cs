using System.CommandLine;

namespace IisModuleValidator.Cli;

/// <summary>`check`: validate modules and report in the chosen format; the exit code says whether the build should fail.</summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var options = new CheckOptions();
        var command = new Command("check", "Validate IIS native modules and report what would fail in IIS. " + CommandLine.ExitCodeHelp);
        foreach (var symbol in options.All)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            // Progress only where a person watches: a terminal, not a build log or a pipe.
            var interactive = error == Console.Error && !Console.IsErrorRedirected;
            var (settings, refusal) = options.Bind(parse);
            if (settings is null)
            {
                error.WriteLine(Reporting.LogLine.Neutralize($"{Reporting.ToolInfo.Command}: {refusal}"));
                return CommandLine.UsageErrorOrNothingAnalyzed;
            }
            return new CheckRun(settings, parse.InvocationConfiguration.Output, error, interactive).Execute();
        });
        return command;
    }
}
