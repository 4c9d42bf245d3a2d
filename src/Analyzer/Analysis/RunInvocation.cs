namespace IisModuleValidator.Analysis;

/// <summary>
/// How a run of the command line was started and how it ended, for SARIF's invocation object. The times are given only
/// when asked for (--timestamps): without them the same run writes the same bytes.
/// </summary>
/// <param name="Arguments">The arguments as the command line parsed them (response files expanded).</param>
/// <param name="WorkingDirectory">The process's current folder.</param>
public sealed record RunInvocation(IReadOnlyList<string> Arguments, string WorkingDirectory, int ExitCode, DateTimeOffset? Start = null, DateTimeOffset? End = null)
{
    /// <summary>The command as a shell would take it back: arguments with spaces or quotes are quoted.</summary>
    public string CommandLine => string.Join(' ', [Reporting.ToolInfo.Command, .. Arguments.Select(Quoted)]);

    private static string Quoted(string argument) =>
        argument.Length > 0 && !argument.Any(character => char.IsWhiteSpace(character) || character == '"')
            ? argument
            : "\"" + argument.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
