using System.Runtime.InteropServices;

namespace IisModuleValidator.Io;

/// <summary>The dotnet that runs this process: its runtime lives in &lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;.</summary>
public static class DotnetHost
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>&lt;root&gt;/dotnet(.exe), or null when this process was not started from such an installation.</summary>
    public static string? Executable =>
        Path.Combine(Root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet") is var host && File.Exists(host) ? host : null;
}
