using System.CommandLine;

namespace IisModuleValidator.Cli;

/// <summary>Exit codes and the one place where parsing turns into them.</summary>
public static class CommandLine
{
    public const int Success = 0;
    public const int FindingsAtOrAboveThreshold = 1;
    public const int UsageErrorOrNothingAnalyzed = 2;
    /// <summary>The validator itself failed on an input (IISM9004) or could not write its report: not the module's fault.</summary>
    public const int InternalFailure = 3;

    /// <summary>The exit codes as --help and the README state them.</summary>
    public const string ExitCodeHelp =
        "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it (an input that could not be read counts); "
        + "2 usage error, or no input could be analyzed; 3 the validator failed internally on an input (IISM9004) or could not write -o.";

    /// <summary>Parses and runs; a usage error prints the parser's messages and exits 2 (not the library's 1).</summary>
    public static int Invoke(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
            // Program ends the process on SIGINT and SIGTERM itself, through the exit handlers (workers, scratch folders).
            ProcessTerminationTimeout = null,
            // The library's handler exits 1, which a gate reads as "findings": a crash of ours is 3.
            EnableDefaultExceptionHandler = false,
        };
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                configuration.Error.WriteLine($"{Reporting.ToolInfo.Command}: {parseError.Message}");
            }
            if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(command => command.Name != args[0]) && ClosestCommand(root, args[0]) is { } meant)
            {
                configuration.Error.WriteLine($"{Reporting.ToolInfo.Command}: did you mean '{meant}'?");
            }
            configuration.Error.WriteLine($"Run '{Reporting.ToolInfo.Command} --help' for usage.");
            return UsageErrorOrNothingAnalyzed;
        }
        try
        {
            return parseResult.Invoke(configuration);
        }
        catch (Exception exception)
        {
            configuration.Error.WriteLine($"{Reporting.ToolInfo.Command}: internal error: {exception.GetType().Name}: {Io.BoundedText.Of(exception.Message, 400)}");
            configuration.Error.WriteLine(exception.StackTrace);
            return InternalFailure;
        }
    }

    /// <summary>The command a mistyped word most likely meant: within two edits (chek, inspekt, list-rule), else null.</summary>
    private static string? ClosestCommand(RootCommand root, string word) =>
        root.Subcommands.Where(command => !command.Hidden).Select(command => (command.Name, Distance: Text.EditDistance.Between(word.ToLowerInvariant(), command.Name)))
            .Where(candidate => candidate.Distance <= 2).OrderBy(candidate => candidate.Distance).Select(candidate => candidate.Name).FirstOrDefault();
}
