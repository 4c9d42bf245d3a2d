using System.Reflection;
using System.Runtime.CompilerServices;

namespace IisModuleValidator.Tests;

/// <summary>Where the repository and the restored NuGet packages are, as the build recorded them.</summary>
internal static class TestPaths
{
    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string Samples { get; } = Path.Combine(RepositoryRoot, "samples");

    public static string SampleBinaries { get; } = Path.Combine(Samples, "bin");

    public static string Rules { get; } = Path.Combine(RepositoryRoot, "rules");

    public static string SarifSchema { get; } = Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json");

    public static string HttpServHeader { get; } = Path.Combine(Metadata("NuGetPackageRoot"),
        "microsoft.windows.sdk.cpp", IisModuleValidator.Contract.IisContract.SdkHeaderVersion, "c", "Include", "10.0.26100.0", "um", "httpserv.h");

    public static string Sample(string relative) => Path.Combine(SampleBinaries, relative);

    /// <summary>The good module the hostile-input tests put beside what they feed the validator: its IISM2001 must still come.</summary>
    public static string MissingHandlerSource { get; } = Path.Combine(Samples, "cpp", "missing-handler", "missing-handler.cpp");

    /// <summary>
    /// The engine finds the Windows SDK package where a user's restore puts it (NUGET_PACKAGES, else ~/.nuget/packages);
    /// this test project restored it into its build's NuGet folder, which a nuget.config may have moved.
    /// </summary>
    [ModuleInitializer]
    internal static void PointTheEngineAtTheRestoredSdk()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NUGET_PACKAGES")))
        {
            Environment.SetEnvironmentVariable("NUGET_PACKAGES", Metadata("NuGetPackageRoot"));
        }
        // The command line keeps C++ parses in the user's cache folder: the suite's copies of samples in fresh temporary
        // folders would only fill it, so this run has a cache folder of its own, removed at the end.
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", TempDirectory.ForTheRun("iism-test-cache-"));
    }
}
