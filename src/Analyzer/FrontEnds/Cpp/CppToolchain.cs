using System.Reflection;
using IisModuleValidator.FrontEnds.Cpp.Clang;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>
/// Everything libclang needs to parse a module as MSVC would: the resource directory, the Windows SDK include
/// folders (the user's Windows Kits or INCLUDE, else the Microsoft.Windows.SDK.CPP NuGet package), our stand-ins
/// for the MSVC toolset headers, and on case-sensitive file systems a case-insensitive VFS overlay.
/// </summary>
public sealed record CppToolchain(string ResourceDirectory, IReadOnlyList<string> SdkIncludeDirectories, string StandInDirectory, string? OverlayPath)
{
    public const string SdkPackageVersion = "10.0.26100.9457";
    public const string SdkVersionFolder = "10.0.26100.0";
    private static readonly string[] SdkSubfolders = ["um", "shared", "ucrt", "winrt"];

    /// <summary>The flags every translation unit gets, before its own defines and include folders.</summary>
    public IReadOnlyList<string> BaseArguments(string platform)
    {
        var arguments = new List<string>
        {
            "-x", "c++", "-std=c++17",
            platform == "Win32" ? "--target=i686-pc-windows-msvc" : "--target=x86_64-pc-windows-msvc",
            "-fms-extensions", "-fms-compatibility", "-fms-compatibility-version=19.40", "-fdelayed-template-parsing",
            "-resource-dir", ResourceDirectory,
            "-Wno-everything",
        };
        if (OverlayPath is not null)
        {
            arguments.AddRange(["-ivfsoverlay", OverlayPath]);
        }
        arguments.AddRange(["-isystem", StandInDirectory]);
        foreach (var directory in SdkIncludeDirectories)
        {
            arguments.AddRange(["-isystem", directory]);
        }
        return arguments;
    }

    /// <summary>Finds the toolchain; the error says what is missing and how to get it.</summary>
    public static (CppToolchain? Toolchain, string? Error) Discover(string? sdkIncludeOverride = null)
    {
        if (!LibClang.IsAvailable)
        {
            return (null, LibClang.LoadError);
        }
        var resourceDirectory = FindResourceDirectory();
        if (resourceDirectory is null)
        {
            return (null, "clang's resource directory (with stddef.h) was not found; install libclang-common-19-dev or set CLANG_RESOURCE_DIR");
        }
        var sdk = FindSdk(sdkIncludeOverride);
        if (sdk is null)
        {
            return (null, "the Windows SDK headers (um/httpserv.h) were not found: install the Windows SDK, set INCLUDE, pass --sdk-include, "
                          + $"or restore the NuGet package Microsoft.Windows.SDK.CPP {SdkPackageVersion}");
        }
        var standIn = Path.Combine(AppContext.BaseDirectory, "msvc-standin");
        var overlay = OperatingSystem.IsWindows() ? null : VfsOverlay.WriteCached(sdk);
        return (new CppToolchain(resourceDirectory, sdk, standIn, overlay), null);
    }

    private static string? FindResourceDirectory()
    {
        if (Environment.GetEnvironmentVariable("CLANG_RESOURCE_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }
        var candidates = new List<string>();
        if (LibClang.LoadedPath is { } loaded && Path.IsPathRooted(loaded))
        {
            var libDirectory = Path.GetDirectoryName(loaded)!;
            candidates.Add(Path.Combine(libDirectory, "..", "lib", "clang"));
            candidates.Add(Path.Combine(libDirectory, "clang"));
        }
        candidates.AddRange(["/usr/lib/llvm-19/lib/clang", "/usr/lib/llvm-14/lib/clang", "/usr/lib/clang", "/usr/local/lib/clang"]);
        return candidates.Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateDirectories(root).OrderDescending(StringComparer.Ordinal))
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "include", "stddef.h")));
    }

    private static IReadOnlyList<string>? FindSdk(string? sdkIncludeOverride)
    {
        IEnumerable<string> roots = sdkIncludeOverride is not null ? [sdkIncludeOverride] : SdkRoots();
        foreach (var root in roots)
        {
            if (File.Exists(Path.Combine(root, "um", "httpserv.h")))
            {
                return [.. SdkSubfolders.Select(sub => Path.Combine(root, sub)).Where(Directory.Exists)];
            }
        }
        return null;
    }

    private static IEnumerable<string> SdkRoots()
    {
        // INCLUDE (a Visual Studio developer prompt) lists ...\Include\<version>\um and friends.
        foreach (var entry in (Environment.GetEnvironmentVariable("INCLUDE") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            yield return Path.GetDirectoryName(entry.TrimEnd('\\', '/')) ?? entry;
        }
        if (OperatingSystem.IsWindows())
        {
            var kits = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Windows Kits", "10", "Include");
            if (Directory.Exists(kits))
            {
                foreach (var version in Directory.EnumerateDirectories(kits).OrderDescending(StringComparer.Ordinal))
                {
                    yield return version;
                }
            }
        }
        foreach (var packages in NuGetPackageRoots())
        {
            yield return Path.Combine(packages, "microsoft.windows.sdk.cpp", SdkPackageVersion, "c", "Include", SdkVersionFolder);
        }
    }

    private static IEnumerable<string> NuGetPackageRoots()
    {
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured)
        {
            yield return configured;
        }
        var recorded = typeof(CppToolchain).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "NuGetPackageRoot")?.Value;
        if (!string.IsNullOrEmpty(recorded))
        {
            yield return recorded;
        }
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }
}
