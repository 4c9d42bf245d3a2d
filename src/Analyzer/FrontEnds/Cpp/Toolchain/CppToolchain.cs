using IisModuleValidator.FrontEnds.Cpp.Clang;

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
    /// The warning groups clang 19 reports as errors by default, which -w leaves on and -Wno-everything turned off: MSVC
    /// accepts most of them (C++17's `throw(int)` is its warning C5040). Listed by `diagtool show-enabled -w` for
    /// C++14/17/20 on both MSVC targets; a group an older libclang does not know is ignored under -w.
    /// </summary>
    private static readonly string[] DefaultErrorWarnings =
    [
        "address-of-temporary", "argument-outside-range", "atomic-access", "c++11-narrowing", "c++11-narrowing-const-reference",
        "delegating-ctor-cycles", "dtor-typedef", "dynamic-exception-spec", "elaborated-enum-base", "elaborated-enum-class",
        "enum-constexpr-conversion", "gnu-array-member-paren-init", "hip-omp-target-directives", "hlsl-availability",
        "implicit-function-declaration", "implicit-int", "incompatible-function-pointer-types", "incompatible-ms-struct",
        "increment-bool", "initializer-overrides", "int-conversion", "invalid-constexpr", "invalid-ios-deployment-target",
        "invalid-partial-specialization", "invalid-static-assert-message", "invalid-token-paste",
        "missing-template-arg-list-after-template-kw", "module-file-config-mismatch", "module-import-in-extern-c",
        "modules-import-nested-redundant", "non-pod-varargs", "nullability-declspec", "out-of-line-declaration",
        "private-header", "register", "reserved-user-defined-literal", "return-mismatch", "signed-unsigned-wchar",
        "static-float-init", "strict-primary-template-shadow", "unusable-partial-specialization", "vec-elem-size",
    ];

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
        arguments.AddRange(DefaultErrorWarnings.Select(group => $"-Wno-{group}"));
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
                ? "C++ standard library headers: not found, so <string>, <memory>, ... do not parse (Debian: apt-get install libc++-19-dev, or set IISM_LIBCXX_INCLUDE)"
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
            return (null, "clang's resource directory (with stddef.h) was not found; install libclang-common-19-dev or set CLANG_RESOURCE_DIR");
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
    /// latest toolset of the Visual Studio that vswhere reports.</summary>
    private static IReadOnlyList<string> VisualCppIncludes()
    {
        var fromInclude = (Environment.GetEnvironmentVariable("INCLUDE") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(entry => File.Exists(Path.Combine(entry, "vcruntime.h")) || File.Exists(Path.Combine(entry, "atlbase.h")))
            .ToList();
        if (fromInclude.Count > 0 || !OperatingSystem.IsWindows())
        {
            return fromInclude;
        }
        var vswhere = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Microsoft Visual Studio", "Installer", "vswhere.exe");
        if (!File.Exists(vswhere))
        {
            return [];
        }
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo(vswhere, "-latest -products * -requires Microsoft.VisualStudio.Component.VC.Tools.x86.x64 -property installationPath")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            var installation = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(10_000);
            var tools = Path.Combine(installation, "VC", "Tools", "MSVC");
            var latest = Directory.Exists(tools) ? Directory.EnumerateDirectories(tools).OrderDescending(StringComparer.Ordinal).FirstOrDefault() : null;
            return latest is null ? [] : [.. new[] { Path.Combine(latest, "include"), Path.Combine(latest, "atlmfc", "include") }.Where(Directory.Exists)];
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>libc++'s headers: IISM_LIBCXX_INCLUDE, beside the libclang that was loaded, or Debian's libc++-19-dev.</summary>
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
        candidates.AddRange(["/usr/lib/llvm-19/include/c++/v1", "/usr/lib/llvm-20/include/c++/v1", "/usr/lib/llvm-18/include/c++/v1", "/usr/include/c++/v1"]);
        return candidates.Select(Path.GetFullPath).FirstOrDefault(candidate => File.Exists(Path.Combine(candidate, "__config")));
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
