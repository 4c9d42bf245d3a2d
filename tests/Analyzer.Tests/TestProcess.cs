using System.Diagnostics;

namespace IisModuleValidator.Tests;

/// <summary>What a finished process gave: its exit code and both streams (<see cref="Output"/> is the two together).</summary>
internal sealed record ProcessRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;
}

/// <summary>Runs a tool the tests need (dotnet, the installed validator) to its end.</summary>
internal static class TestProcess
{
    /// <param name="environment">Variables to set, or to remove where the value is null.</param>
    public static async Task<ProcessRun> Run(string fileName, IEnumerable<string> arguments,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProcessRun(process.ExitCode, output, await error);
    }
}
