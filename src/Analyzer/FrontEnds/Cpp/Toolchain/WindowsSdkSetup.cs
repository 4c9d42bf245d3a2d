using System.Diagnostics;
using System.Text.Json;

namespace IisModuleValidator.FrontEnds.Cpp.Toolchain;

/// <summary>
/// Restores Microsoft.Windows.SDK.CPP into the user's NuGet global packages folder with the .NET SDK's own `dotnet restore`
/// of a throw-away project, so the user's nuget.config (feeds, credentials, globalPackagesFolder) applies as it does to
/// their builds; then records the include folder for later runs. Only users with C++ inputs ever need it.
/// </summary>
public static class WindowsSdkSetup
{
    /// <summary>The include folder restored, or why not. <paramref name="configFile"/> is a nuget.config to use instead of
    /// the one found above the current directory.</summary>
    public static (string? IncludeRoot, string? Error) Restore(TextWriter log, string? configFile = null, TimeSpan? timeout = null)
    {
        var dotnet = FindDotnet();
        if (dotnet is null)
        {
            return (null, $"the .NET SDK's 'dotnet' was not found, so {WindowsSdkPackage.Id} cannot be restored; install the .NET SDK, "
                          + "or pass --sdk-include with the Include\\<version> folder of a Windows SDK");
        }
        configFile ??= FindNuGetConfig(Environment.CurrentDirectory);
        var work = Directory.CreateTempSubdirectory("iism-setup-");
        try
        {
            var project = Path.Combine(work.FullName, "windows-sdk.proj");
            File.WriteAllText(project, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                    <!-- Headers only: nothing is built, nothing is referenced. -->
                    <DisableImplicitFrameworkReferences>true</DisableImplicitFrameworkReferences>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageDownload Include="{WindowsSdkPackage.Id}" Version="[{WindowsSdkPackage.Version}]" />
                  </ItemGroup>
                </Project>
                """);
            List<string> arguments = ["restore", project, "--nologo", "-v", "q"];
            if (configFile is not null)
            {
                arguments.AddRange(["--configfile", configFile]);
                log.WriteLine($"using {configFile}");
            }
            log.WriteLine($"restoring {WindowsSdkPackage.Id} {WindowsSdkPackage.Version} with {dotnet} (about 160 MB, once)");
            var (exitCode, output) = Run(dotnet, arguments, work.FullName, timeout ?? TimeSpan.FromMinutes(30));
            if (exitCode != 0)
            {
                return (null, $"'dotnet restore' of {WindowsSdkPackage.Id} {WindowsSdkPackage.Version} failed (exit {exitCode}):\n{output.Trim()}");
            }
            var packagesFolder = GlobalPackagesFolder(Path.Combine(work.FullName, "obj", "project.assets.json"));
            var includeRoot = packagesFolder is null ? null : WindowsSdkPackage.IncludeRoot(packagesFolder);
            if (includeRoot is null || !WindowsSdkPackage.HasHeaders(includeRoot))
            {
                return (null, $"'dotnet restore' succeeded but um/httpserv.h is not under {includeRoot ?? "the packages folder"}");
            }
            WindowsSdkPackage.WriteSetupRecord(includeRoot);
            return (includeRoot, null);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is not worth failing the setup for.
            }
        }
    }

    /// <summary>The dotnet that runs this process, else PATH's.</summary>
    private static string? FindDotnet()
    {
        var executable = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        return Io.DotnetHost.Executable ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The nearest nuget.config at or above the folder (NuGet's own file names), as a build there would use.</summary>
    private static string? FindNuGetConfig(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            IEnumerable<FileInfo> files;
            try
            {
                files = current.EnumerateFiles();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            if (files.FirstOrDefault(file => file.Name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase)) is { } config)
            {
                return config.FullName;
            }
        }
        return null;
    }

    /// <summary>project.assets.json lists the global packages folder first under "packageFolders".</summary>
    private static string? GlobalPackagesFolder(string assetsPath)
    {
        if (!File.Exists(assetsPath))
        {
            return null;
        }
        using var assets = JsonDocument.Parse(File.ReadAllBytes(assetsPath));
        return assets.RootElement.TryGetProperty("packageFolders", out var folders)
            ? folders.EnumerateObject().Select(folder => folder.Name).FirstOrDefault()
            : null;
    }

    private static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalMinutes:0} minutes");
        }
        return (process.ExitCode, output.Result + error.Result);
    }
}
