namespace IisModuleValidator.FrontEnds.Cpp.Toolchain;

/// <summary>
/// The NuGet package Microsoft.Windows.SDK.CPP, whose headers the C++ front end parses modules against where no Windows
/// Kits are installed, and where a restore of it is found: the NuGet folder that `setup` recorded, NUGET_PACKAGES, or
/// the default ~/.nuget/packages. Never a path recorded at build time: the tool runs on other machines.
/// </summary>
public static class WindowsSdkPackage
{
    public const string Id = "Microsoft.Windows.SDK.CPP";
    // The header the contract table was transcribed from and is tested against.
    public const string Version = Contract.IisContract.SdkHeaderVersion;
    /// <summary>The SDK version folder under c/Include of that package.</summary>
    public const string IncludeVersionFolder = "10.0.26100.0";

    /// <summary>The file `setup` writes: the include folder it restored, one line.</summary>
    public static string SetupRecordPath => Path.Combine(ToolDataDirectory, "windows-sdk-include.txt");

    /// <summary>Per user, not per machine: ~/.local/share/iis-module-validator, %LOCALAPPDATA%\iis-module-validator.</summary>
    public static string ToolDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "iis-module-validator");

    /// <summary>c/Include/&lt;version&gt; of the package under a NuGet global packages folder.</summary>
    public static string IncludeRoot(string packagesFolder) =>
        Path.Combine(packagesFolder, Id.ToLowerInvariant(), Version, "c", "Include", IncludeVersionFolder);

    public static bool HasHeaders(string includeRoot) => File.Exists(Path.Combine(includeRoot, "um", "httpserv.h"));

    /// <summary>The include roots to try, in order; the caller keeps the first that has the headers.</summary>
    public static IEnumerable<string> CandidateIncludeRoots()
    {
        if (ReadSetupRecord() is { } recorded)
        {
            yield return recorded;
        }
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured)
        {
            yield return IncludeRoot(configured);
        }
        yield return IncludeRoot(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
    }

    private static string? ReadSetupRecord()
    {
        try
        {
            var path = SetupRecordPath;
            return File.Exists(path) && new FileInfo(path).Length < 4096 ? File.ReadAllText(path).Trim() is { Length: > 0 } line ? line : null : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void WriteSetupRecord(string includeRoot)
    {
        Io.AtomicFile.Replace(SetupRecordPath, temporary => File.WriteAllText(temporary, includeRoot + "\n"));
    }
}
