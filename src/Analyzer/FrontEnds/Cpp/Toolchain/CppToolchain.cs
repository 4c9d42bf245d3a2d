using IisModuleValidator.FrontEnds.Cpp.Clang;
using IisModuleValidator.FrontEnds.Cpp.Installations;

namespace IisModuleValidator.FrontEnds.Cpp.Toolchain;

/// <summary>
/// Everything libclang needs to parse a module as MSVC would: the resource directory, the Windows SDK include
/// folders (the user's Windows Kits or INCLUDE, else the Microsoft.Windows.SDK.CPP NuGet package), the Visual C++
/// toolset headers (on Windows the real ones, from INCLUDE or as vswhere finds Visual Studio; elsewhere the C++ standard
/// library of LLVM's libc++ set up for the MSVC target, and our stand-ins for vcruntime, ATL and the COM support
/// headers), and on case-sensitive file systems a case-insensitive VFS overlay.
/// </summary>
/// <param name="VisualCppIncludeDirectories">The real Visual C++ include folders (VC\Tools\MSVC\*\include, atlmfc\include); empty off Windows.</param>
/// <param name="LibCxxIncludeDirectory">libc++'s headers (include/c++/v1), used when the real Visual C++ headers are not there.</param>
public sealed record CppToolchain(string ResourceDirectory, IReadOnlyList<string> SdkIncludeDirectories, string StandInDirectory, string? OverlayPath,
    IReadOnlyList<string>? VisualCppIncludeDirectories = null, string? LibCxxIncludeDirectory = null)
{
    private static readonly string[] SdkSubfolders = ["um", "shared", "ucrt", "winrt"];

    /// <summary>
    /// The warning groups the loaded clang reports as errors by default (ClangDefaultErrors, from its own diagtool), which -w
    /// leaves on; for a version not in that table, every group any listed version has (a group a clang does not know, or
    /// has as a plain warning, is off under -w anyway).
    /// </summary>
    public static IReadOnlyList<string> DefaultErrorGroups(int? majorVersion) =>
        majorVersion is { } major && ClangDefaultErrors.GroupsByMajorVersion.TryGetValue(major, out var groups)
            ? groups
            : [.. ClangDefaultErrors.GroupsByMajorVersion.Values.SelectMany(all => all).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The flags every translation unit gets, before its own defines and include folders.</summary>
    public IReadOnlyList<string> BaseArguments(string platform)
    {
        var arguments = new List<string>
        {
            "-x", "c++", "-std=c++17",
            platform == "Win32" ? "--target=i686-pc-windows-msvc" : "--target=x86_64-pc-windows-msvc",
            "-fms-extensions", "-fms-compatibility", "-fms-compatibility-version=19.40", "-fdelayed-template-parsing",
            "-resource-dir", ResourceDirectory,
            // -w, not -Wno-everything: with every warning mapped off, each `#pragma clang diagnostic` in libc++ and the
            // intrinsic headers copies that whole map (clang-19: +90 MiB on the STL alone). Only errors are read.
            "-w",
        };
        arguments.AddRange(DefaultErrorGroups(LibClang.MajorVersion).Select(group => $"-Wno-{group}"));
        if (OverlayPath is not null)
        {
            arguments.AddRange(["-ivfsoverlay", OverlayPath]);
        }
        if (VisualCppIncludeDirectories is { Count: > 0 } visualCpp)
        {
            // The real toolset: its STL, vcruntime and ATL, searched before the SDK as cl.exe does.
            foreach (var directory in visualCpp)
            {
                arguments.AddRange(["-isystem", directory]);
            }
        }
        else
        {
            if (LibCxxIncludeDirectory is not null)
            {
                // libc++ first: its C wrappers (<cstddef>, <cstring>) reach the UCRT's headers with #include_next.
                // Its own std::exception and type_info stand where vcruntime's would be (they are stand-ins here too).
                arguments.AddRange(["-nostdinc++", "-isystem", LibCxxIncludeDirectory, "-D_LIBCPP_NO_VCRUNTIME"]);
            }
            arguments.AddRange(["-isystem", StandInDirectory]);
        }
        foreach (var directory in SdkIncludeDirectories)
        {
            arguments.AddRange(["-isystem", directory]);
        }
        return arguments;
    }

    /// <summary>What C++ inputs are parsed with, for `setup` and --verbose.</summary>
    public IEnumerable<string> Describe()
    {
        yield return $"libclang: {LibClang.LoadedPath} ({LibClang.Version})";
        yield return $"clang resource headers: {ResourceDirectory}";
        yield return $"Windows SDK headers: {Path.GetDirectoryName(SdkIncludeDirectories[0])} ({string.Join(", ", SdkIncludeDirectories.Select(Path.GetFileName))})";
        if (VisualCppIncludeDirectories is { Count: > 0 } visualCpp)
        {
            yield return $"Visual C++ headers: {string.Join(", ", visualCpp)}";
        }
        else
        {
            yield return LibCxxIncludeDirectory is null
                ? $"C++ standard library headers: not found, so <string>, <memory>, ... do not parse (Debian and Ubuntu: apt-get install libc++-{LibClang.MajorVersion}-dev, or set IISM_LIBCXX_INCLUDE)"
                : $"C++ standard library headers: libc++ {LibCxxIncludeDirectory}";
            yield return $"vcruntime, ATL and COM support stand-ins: {StandInDirectory}";
        }
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
            return (null, $"the resource headers of {LibClang.LoadedPath} (clang {LibClang.MajorVersion}: its lib/clang/<version>/include/stddef.h) were not found; "
                          + $"install libclang-common-{LibClang.MajorVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "N"}-dev or set CLANG_RESOURCE_DIR");
        }
        var sdk = FindSdk(sdkIncludeOverride);
        if (sdk is null)
        {
            return (null, $"the Windows SDK headers (um/httpserv.h) were not found: run '{Reporting.ToolInfo.Command} setup' once (it restores "
                          + $"the NuGet package {WindowsSdkPackage.Id} {WindowsSdkPackage.Version} into your NuGet cache), or install the Windows SDK, "
                          + "set INCLUDE, or pass --sdk-include");
        }
        var standIn = Path.Combine(AppContext.BaseDirectory, "msvc-standin");
        var overlay = OperatingSystem.IsWindows() ? null : VfsOverlay.WriteCached(sdk);
        var visualCpp = VisualCppIncludes();
        return (new CppToolchain(resourceDirectory, sdk, standIn, overlay, visualCpp, visualCpp.Count > 0 ? null : FindLibCxx()), null);
    }

    /// <summary>The real Visual C++ include folders: INCLUDE's entries that hold vcruntime.h or atlbase.h, else the
    /// latest toolset of the newest Visual Studio with the C++ tools that vswhere reports.</summary>
    private static IReadOnlyList<string> VisualCppIncludes()
    {
        var fromInclude = (Environment.GetEnvironmentVariable("INCLUDE") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => File.Exists(Path.Combine(entry, "vcruntime.h")) || File.Exists(Path.Combine(entry, "atlbase.h")))
            .ToList();
        if (fromInclude.Count > 0 || !OperatingSystem.IsWindows())
        {
            return fromInclude;
        }
        foreach (var installation in VisualStudioInstallation.Find(VisualStudioInstallation.VisualCppTools))
        {
            var tools = Path.Combine(installation, "VC", "Tools", "MSVC");
            var latest = Directory.Exists(tools) ? Directory.EnumerateDirectories(tools).OrderDescending(StringComparer.Ordinal).FirstOrDefault() : null;
            if (latest is not null)
            {
                return [.. new[] { Path.Combine(latest, "include"), Path.Combine(latest, "atlmfc", "include") }.Where(Directory.Exists)];
            }
        }
        return [];
    }

    /// <summary>libc++'s headers: IISM_LIBCXX_INCLUDE, beside the libclang that was loaded, then any installed LLVM's
    /// (Debian lets one libc++-N-dev be installed at a time, so it is often another version's), then /usr/include/c++/v1.</summary>
    private static string? FindLibCxx()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("IISM_LIBCXX_INCLUDE") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }
        if (LibClang.LoadedPath is { } loaded && Path.IsPathRooted(loaded))
        {
            candidates.Add(Path.Combine(Path.GetDirectoryName(loaded)!, "..", "include", "c++", "v1"));
        }
        var installations = LlvmInstallation.FindAll();
        candidates.AddRange(installations.Where(installation => installation.MajorVersion == LibClang.MajorVersion)
            .Concat(installations.OrderByDescending(installation => installation.MajorVersion))
            .Select(installation => installation.LibCxxIncludeDirectory).OfType<string>());
        candidates.Add("/usr/include/c++/v1");
        return candidates.Select(Path.GetFullPath).FirstOrDefault(candidate => File.Exists(Path.Combine(candidate, "__config")));
    }

    /// <summary>The loaded clang's own resource headers: CLANG_RESOURCE_DIR, beside the loaded file, or those of the
    /// installed LLVM of the same major version; another version's builtin headers would not match the compiler.</summary>
    private static string? FindResourceDirectory()
    {
        if (Environment.GetEnvironmentVariable("CLANG_RESOURCE_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }
        if (LibClang.LoadedPath is { } loaded && Path.IsPathRooted(loaded) && LlvmInstallation.ResourceDirectoryBeside(loaded) is { } beside)
        {
            return beside;
        }
        if (LlvmInstallation.FindAll().FirstOrDefault(installation => installation.MajorVersion == LibClang.MajorVersion) is { ResourceDirectory: { } sameVersion })
        {
            return sameVersion;
        }
        var major = LibClang.MajorVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new[] { "/usr/lib/clang", "/usr/local/lib/clang" }.Where(_ => major is not null).Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateDirectories(root).OrderDescending(StringComparer.Ordinal))
            .Where(directory => Path.GetFileName(directory) == major || Path.GetFileName(directory).StartsWith(major + ".", StringComparison.Ordinal))
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "include", "stddef.h")));
    }

    /// <summary>The SDK's um, shared, ucrt and winrt folders: --sdk-include, INCLUDE, Windows Kits, then the NuGet package.</summary>
    public static IReadOnlyList<string>? FindSdk(string? sdkIncludeOverride)
    {
        IEnumerable<string> roots = sdkIncludeOverride is not null ? [sdkIncludeOverride] : SdkRoots();
        foreach (var root in roots)
        {
            if (WindowsSdkPackage.HasHeaders(root))
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
        foreach (var root in WindowsSdkPackage.CandidateIncludeRoots())
        {
            yield return root;
        }
    }
}
