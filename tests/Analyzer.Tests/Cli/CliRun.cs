using IisModuleValidator.Cli;
using IisModuleValidator.Tests.Reporting;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// The iis-module-validator command run in-process, as the tests drive it: its exit code and both streams. Every SARIF
/// it prints or writes (-o, --sarif-output, --write-baseline) is held to <see cref="SarifChecks"/>.
/// </summary>
internal static class CliRun
{
    private static readonly string[] FileOptions = ["-o", "--output", "--sarif-output", "--write-baseline"];

    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CommandLine.Invoke(CliApplication.CreateRoot(), args, output, error);
        var printed = output.ToString();
        if (IsSarif(printed))
        {
            SarifChecks.Valid(printed);
        }
        foreach (var file in args.Zip(args.Skip(1)).Where(pair => FileOptions.Contains(pair.First)).Select(pair => pair.Second).Where(File.Exists))
        {
            if (File.ReadAllText(file) is var written && IsSarif(written))
            {
                SarifChecks.Valid(written);
            }
        }
        return (exit, printed, error.ToString());
    }

    private static bool IsSarif(string text) => text.TrimStart().StartsWith('{') && text.Contains("\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\"", StringComparison.Ordinal);
}
