using System.Diagnostics;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// The repository's packages packed as a user packs them (Release, `dotnet pack`), once per test run and one at a time:
/// two packs of the same project at once would share its obj/Release.
/// </summary>
internal static class PackedPackages
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly Dictionary<string, string> Folders = new(StringComparer.Ordinal);
    private static readonly string Root = Directory.CreateTempSubdirectory("iism-packages-").FullName;

    /// <summary>The folder holding the .nupkg of <paramref name="project"/> (relative to the repository).</summary>
    public static async Task<string> FolderOf(string project)
    {
        await OneAtATime.WaitAsync();
        try
        {
            if (Folders.TryGetValue(project, out var folder))
            {
                return folder;
            }
            folder = Path.Combine(Root, Path.GetFileNameWithoutExtension(project));
            var (exitCode, output) = await Run("dotnet", ["pack", Path.Combine(TestPaths.RepositoryRoot, project), "-c", "Release", "-o", folder, "-nologo"]);
            Assert.True(exitCode == 0, output);
            Folders[project] = folder;
            return folder;
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    /// <summary>Runs a process to its end: exit code and both streams together.</summary>
    public static async Task<(int ExitCode, string Output)> Run(string fileName, IEnumerable<string> arguments,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + await error);
    }
}
