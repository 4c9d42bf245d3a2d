using System.Text.RegularExpressions;

namespace IisModuleValidator.FrontEnds.Cpp.Installations;

/// <summary>
/// One LLVM installed the Debian and Ubuntu way (/usr/lib/llvm-N): its libclang, the resource headers of that same
/// clang (libclang-common-N-dev) and its libc++ headers (libc++-N-dev), each null when that package is missing.
/// </summary>
public sealed partial record LlvmInstallation(int MajorVersion, string Root, string LibClangPath, string? ResourceDirectory, string? LibCxxIncludeDirectory)
{
    /// <summary>The oldest libclang whose C API and MSVC compatibility the front end is tested with.</summary>
    public const int OldestSupported = 14;

    private const string DebianLlvmRoot = "/usr/lib";

    /// <summary>Every /usr/lib/llvm-N with a libclang, newest first; those with their resource headers before those without.</summary>
    public static IReadOnlyList<LlvmInstallation> FindAll(string root = DebianLlvmRoot)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(root))
        {
            return [];
        }
        var found = new List<LlvmInstallation>();
        foreach (var directory in Directory.EnumerateDirectories(root, "llvm-*"))
        {
            if (VersionedFolder().Match(Path.GetFileName(directory)) is not { Success: true } match
                || !int.TryParse(match.Groups[1].Value, out var major) || major < OldestSupported)
            {
                continue;
            }
            var libraries = Path.Combine(directory, "lib");
            var libClang = new[] { $"libclang-{major}.so.1", "libclang.so.1", $"libclang-{major}.so", "libclang.so" }
                .Select(name => Path.Combine(libraries, name)).FirstOrDefault(File.Exists);
            if (libClang is not null)
            {
                found.Add(new LlvmInstallation(major, directory, libClang, ResourceDirectoryBeside(libClang), LibCxxOf(directory)));
            }
        }
        return [.. found.OrderByDescending(installation => installation.ResourceDirectory is not null).ThenByDescending(installation => installation.MajorVersion)];
    }

    /// <summary>The resource headers of the clang a libclang file belongs to: lib/clang/&lt;version&gt; beside it, or null.</summary>
    public static string? ResourceDirectoryBeside(string libClangPath)
    {
        var libraries = Path.GetDirectoryName(Path.GetFullPath(libClangPath))!;
        return new[] { Path.Combine(libraries, "clang"), Path.Combine(libraries, "..", "lib", "clang") }
            .Where(Directory.Exists)
            .SelectMany(candidate => Directory.EnumerateDirectories(candidate).OrderDescending(StringComparer.Ordinal))
            .Select(Path.GetFullPath)
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "include", "stddef.h")));
    }

    /// <summary>libc++'s headers in an LLVM folder (include/c++/v1), or null.</summary>
    public static string? LibCxxOf(string llvmRoot)
    {
        var include = Path.Combine(llvmRoot, "include", "c++", "v1");
        return File.Exists(Path.Combine(include, "__config")) ? include : null;
    }

    [GeneratedRegex(@"^llvm-(\d+)$")]
    private static partial Regex VersionedFolder();
}
