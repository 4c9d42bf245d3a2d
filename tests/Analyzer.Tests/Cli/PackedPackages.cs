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
            var pack = await TestProcess.Run("dotnet", ["pack", Path.Combine(TestPaths.RepositoryRoot, project), "-c", "Release", "-o", folder, "-nologo"]);
            Assert.True(pack.ExitCode == 0, pack.Output);
            Folders[project] = folder;
            return folder;
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
