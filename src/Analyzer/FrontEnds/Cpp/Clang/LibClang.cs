using System.Reflection;
using System.Runtime.InteropServices;

namespace IisModuleValidator.FrontEnds.Cpp.Clang;

/// <summary>
/// Finds and loads libclang: LIBCLANG_PATH when set (and only it: one that does not load is reported as such), else the
/// installed ones (every Debian/Ubuntu /usr/lib/llvm-N from 14 up, newest first, then the system's libclang.so.1; LLVM's
/// and Visual Studio's libclang.dll on Windows). Loading happens once;
/// failure is reported, never thrown at a user.
/// </summary>
public static partial class LibClang
{
    private static readonly Lazy<(IntPtr Handle, string? Path, string? Error)> Loaded = new(Load);

    public static bool IsAvailable => Loaded.Value.Handle != IntPtr.Zero;

    /// <summary>The file that was loaded, or null.</summary>
    public static string? LoadedPath => Loaded.Value.Path;

    /// <summary>Why libclang could not be loaded, or null when it was.</summary>
    public static string? LoadError => Loaded.Value.Error;

    /// <summary>What the loaded library says it is ("Debian clang version 19.1.7 (3)"), or null.</summary>
    public static string? Version => LoadedVersion.Value;

    /// <summary>The loaded clang's major version (19 for "Debian clang version 19.1.7"), or null.</summary>
    public static int? MajorVersion => Version is { } version && VersionNumber().Match(version) is { Success: true } match
        && int.TryParse(match.Groups[1].Value, out var major) ? major : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"version (\d+)\.")]
    private static partial System.Text.RegularExpressions.Regex VersionNumber();

    // Asked for every unit's cache key: once per process.
    private static readonly Lazy<string?> LoadedVersion = new(() => IsAvailable ? ClangNative.Take(ClangNative.clang_getClangVersion()) : null);

    public static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("LIBCLANG_PATH") is { Length: > 0 } configured)
        {
            yield return Directory.Exists(configured)
                ? System.IO.Path.Combine(configured, OperatingSystem.IsWindows() ? "libclang.dll" : "libclang.so")
                : configured;
        }
        if (OperatingSystem.IsWindows())
        {
            yield return "libclang.dll";
            // Visual Studio's "C++ Clang Compiler for Windows", wherever Visual Studio is installed, for this process's
            // architecture; then LLVM's installer, whose default is the native Program Files.
            foreach (var installation in Installations.VisualStudioInstallation.Find(Installations.VisualStudioInstallation.ClangTools))
            {
                yield return System.IO.Path.Combine(Installations.VisualStudioInstallation.LlvmBin(installation), "libclang.dll");
            }
            yield return System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFiles), "LLVM", "bin", "libclang.dll");
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "libclang.dylib";
            yield return "/Library/Developer/CommandLineTools/usr/lib/libclang.dylib";
        }
        else
        {
            foreach (var installation in Installations.LlvmInstallation.FindAll())
            {
                yield return installation.LibClangPath;
            }
            yield return "libclang.so.1";
            yield return "libclang.so";
        }
    }

    private static (IntPtr, string?, string?) Load()
    {
        // A LIBCLANG_PATH that does not load is the user's mistake to hear about, not a reason to load another libclang.
        var configuredFirst = Environment.GetEnvironmentVariable("LIBCLANG_PATH") is { Length: > 0 };
        var tried = new List<string>();
        foreach (var candidate in Candidates())
        {
            tried.Add(candidate);
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                NativeLibrary.SetDllImportResolver(typeof(LibClang).Assembly, Resolve);
                return (handle, candidate, null);
            }
            if (configuredFirst)
            {
                return (IntPtr.Zero, null, $"LIBCLANG_PATH names '{Io.BoundedText.Of(candidate)}', which {(File.Exists(candidate) ? "does not load as a libclang for this process" : "does not exist")}; point it at libclang{(OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so")} or its folder, or unset it to use the one found on this machine");
            }
        }
        return (IntPtr.Zero, null, $"libclang was not found (tried {string.Join(", ", tried)}); {HowToInstall}");
    }

    /// <summary>What to install, for the machine the validator runs on.</summary>
    public static string HowToInstall => OperatingSystem.IsWindows()
        ? "install LLVM for Windows (winget install LLVM.LLVM, or the installer from https://github.com/llvm/llvm-project/releases) or Visual Studio's "
          + "\"C++ Clang Compiler for Windows\" component, or set LIBCLANG_PATH to a libclang.dll"
        : OperatingSystem.IsMacOS()
            ? "install the Xcode command line tools (xcode-select --install) or LLVM, or set LIBCLANG_PATH"
            : "install it (Debian and Ubuntu: apt-get install libclang1-N libclang-common-N-dev libc++-N-dev, N = 14 or newer, e.g. 19) or set LIBCLANG_PATH";

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == ClangNative.Library ? Loaded.Value.Handle : IntPtr.Zero;
}
