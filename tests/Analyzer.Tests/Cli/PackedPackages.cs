namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// The repository's packages packed as a user packs them (Release, `dotnet pack`), and the CLI published for a runtime
/// (`dotnet publish -r`), once per test run and one at a time: two builds of the same project at once would share its
/// obj/Release.
/// </summary>
internal static class PackedPackages
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly Dictionary<string, string> Folders = new(StringComparer.Ordinal);
    private static readonly string Root = TempDirectory.ForTheRun("iism-packages-");

    /// <summary>The folder holding the .nupkg of <paramref name="project"/> (relative to the repository).</summary>
    public static Task<string> FolderOf(string project) =>
        Once(project, folder => ["pack", Path.Combine(TestPaths.RepositoryRoot, project), "-c", "Release", "-o", folder, "-nologo"]);

    /// <summary>The folder of <paramref name="project"/> published self-contained for <paramref name="runtime"/> (win-x64: the Windows build).</summary>
    public static Task<string> PublishedFor(string project, string runtime) =>
        Once($"{project}|{runtime}", folder => ["publish", Path.Combine(TestPaths.RepositoryRoot, project), "-c", "Release", "-r", runtime, "--self-contained", "-o", folder, "-nologo"]);

    private static async Task<string> Once(string key, Func<string, string[]> command)
    {
        await OneAtATime.WaitAsync();
        try
        {
            if (Folders.TryGetValue(key, out var folder))
            {
                return folder;
            }
            folder = Path.Combine(Root, string.Concat(key.Select(c => char.IsLetterOrDigit(c) ? c : '-')));
            var run = await TestProcess.Run("dotnet", command(folder));
            Assert.True(run.ExitCode == 0, run.Output);
            Folders[key] = folder;
            return folder;
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
