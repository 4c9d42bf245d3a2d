using IisModuleValidator.Cli;

namespace IisModuleValidator.Tests.Cli;

/// <summary>The iis-module-validator command run in-process, as the tests drive it: its exit code and both streams.</summary>
internal static class CliRun
{
    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Invoke(CliApplication.CreateRoot(), args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
