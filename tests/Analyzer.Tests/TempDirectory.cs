namespace IisModuleValidator.Tests;

/// <summary>A fresh folder under the system temp folder, deleted when the test is done.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("iism-test-").FullName;
    }

    public string Path { get; }

    public string File(string name, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Copies the files of <paramref name="folder"/> (not its subfolders) into <paramref name="relative"/> here.</summary>
    public void CopyFiles(string folder, string relative, string pattern = "*")
    {
        foreach (var file in Directory.GetFiles(folder, pattern))
        {
            File(System.IO.Path.Combine(relative, System.IO.Path.GetFileName(file)), System.IO.File.ReadAllBytes(file));
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
