using System.Diagnostics;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// The environment a project worker evaluates in. MSBuild makes every environment variable a property, so a project
/// could name $(GITHUB_TOKEN) or $(SYSTEM_ACCESSTOKEN); the worker gets only what the runtime, the MSBuild locator and
/// the file system need, never a CI's secrets. SDKs resolve only to those the installed .NET SDK ships: NuGet's SDK
/// resolver (which would restore a package from a feed the repository names) and the workload resolver are off.
/// </summary>
internal static class EvaluationEnvironment
{
    private static readonly string[] Kept =
    [
        "PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "LC_ALL", "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_ROOT_ARM64", "DOTNET_HOST_PATH",
        "SystemRoot", "windir", "SystemDrive", "ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "ProgramData", "LOCALAPPDATA", "APPDATA",
        "USERPROFILE", "PATHEXT", "PROCESSOR_ARCHITECTURE", "NUMBER_OF_PROCESSORS", "OS", "ComSpec",
    ];

    public static void Apply(ProcessStartInfo start)
    {
        var kept = Kept.Select(name => (name, value: Environment.GetEnvironmentVariable(name))).Where(pair => pair.value is not null).ToList();
        start.Environment.Clear();
        foreach (var (name, value) in kept)
        {
            start.Environment[name] = value;
        }
        start.Environment["MSBUILDDISABLENUGETSDKRESOLVER"] = "1";
        start.Environment["MSBuildEnableWorkloadResolver"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
    }
}
