using System.Diagnostics;

namespace IisModuleValidator.FrontEnds.Cpp.Installations;

/// <summary>
/// The Visual Studio installations vswhere.exe reports (it is installed with every Visual Studio since 2017 at a fixed
/// path, wherever Visual Studio itself was installed), newest first; none off Windows or without vswhere.
/// </summary>
public static class VisualStudioInstallation
{
    public const string VisualCppTools = "Microsoft.VisualStudio.Component.VC.Tools.x86.x64";
    public const string ClangTools = "Microsoft.VisualStudio.Component.VC.Llvm.Clang";

    private static readonly TimeSpan VswhereLimit = TimeSpan.FromSeconds(10);

    /// <summary>The installation folders that have <paramref name="requiredComponent"/>, newest first.</summary>
    public static IReadOnlyList<string> Find(string requiredComponent)
    {
        if (!OperatingSystem.IsWindows())
        {
            return [];
        }
        var vswhere = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ProgramFilesX86), "Microsoft Visual Studio", "Installer", "vswhere.exe");
        if (!File.Exists(vswhere))
        {
            return [];
        }
        try
        {
            var start = new ProcessStartInfo(vswhere, ["-all", "-sort", "-products", "*", "-requires", requiredComponent, "-property", "installationPath", "-utf8"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(VswhereLimit))
            {
                process.Kill(entireProcessTree: true);
                return [];
            }
            return [.. output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(Directory.Exists)];
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return [];
        }
    }

    /// <summary>
    /// The Visual C++ MSBuild targets of the newest installation with the C++ tools ($(VCTargetsPath):
    /// MSBuild\Microsoft\VC\v170 for Visual Studio 2022, v160 for 2019, v150 for 2017), or null.
    /// </summary>
    public static string? VisualCppTargets() => Find(VisualCppTools).SelectMany(installation => new[] { "v170", "v160", "v150" }
            .Select(version => Path.Combine(installation, "MSBuild", "Microsoft", "VC", version)))
        .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "Microsoft.Cpp.Default.props")));

    /// <summary>VC\Tools\Llvm's bin folder for this process's architecture (x64 or ARM64) in one installation.</summary>
    public static string LlvmBin(string installation) =>
        Path.Combine(installation, "VC", "Tools", "Llvm",
            System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "ARM64" : "x64", "bin");
}
