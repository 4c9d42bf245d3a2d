using System.CommandLine;
using IisModuleValidator.FrontEnds.Cpp.Toolchain;
using IisModuleValidator.Reporting;

namespace IisModuleValidator.Cli;

/// <summary>
/// `setup`: makes C++ inputs analyzable on this machine. Restores the Windows SDK headers from NuGet when no SDK is
/// found, then says what C++ will be parsed with, or what is missing and the command that installs it. DLL and C#
/// inputs never need it.
/// </summary>
public static class SetupCommand
{
    public static Command Create()
    {
        var configFile = new Option<string?>("--configfile")
        {
            Description = "The nuget.config to restore with (default: the one above the current folder, else your user one).",
        };
        var sdkInclude = new Option<string?>("--sdk-include") { Description = "As for check: a Windows SDK Include\\<version> folder to use instead." };
        var command = new Command("setup",
            $"Get what C++ inputs need: restores {WindowsSdkPackage.Id} {WindowsSdkPackage.Version} into your NuGet cache unless a Windows SDK is "
            + "found, and checks libclang and the C++ library headers. Not needed for DLLs or C#.")
        {
            configFile, sdkInclude,
        };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var sdkOverride = parseResult.GetValue(sdkInclude);
            if (CppToolchain.FindSdk(sdkOverride) is { } found)
            {
                output.WriteLine($"Windows SDK headers found: {Path.GetDirectoryName(found[0])}");
            }
            else
            {
                var (includeRoot, restoreError) = WindowsSdkSetup.Restore(output, parseResult.GetValue(configFile));
                if (restoreError is not null)
                {
                    error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: setup: {restoreError}"));
                    return CommandLine.UsageErrorOrNothingAnalyzed;
                }
                output.WriteLine($"Windows SDK headers restored: {includeRoot} (recorded in {WindowsSdkPackage.SetupRecordPath})");
            }
            // Per user: %LOCALAPPDATA% on Windows, the XDG folders elsewhere.
            output.WriteLine($"Tool data (setup record, parse cache key): {WindowsSdkPackage.ToolDataDirectory}");
            output.WriteLine($"Parse cache: {Analysis.AnalysisOptions.DefaultParseCacheDirectory}");
            var (toolchain, toolchainError) = CppToolchain.Discover(sdkOverride);
            if (toolchain is null)
            {
                error.WriteLine(LogLine.Neutralize($"{ToolInfo.Command}: setup: C++ inputs cannot be analyzed yet: {toolchainError}"));
                return CommandLine.UsageErrorOrNothingAnalyzed;
            }
            output.WriteLine("C++ inputs will be parsed with:");
            foreach (var line in toolchain.Describe())
            {
                output.WriteLine("  " + line);
            }
            return CommandLine.Success;
        });
        return command;
    }
}
