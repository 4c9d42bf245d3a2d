namespace IisModuleValidator.Tests;

/// <summary>A fresh folder under the system temp folder, deleted when the test is done.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("iism-test-").FullName;
    }

    public string Path { get; }

    /// <summary>
    /// A fresh folder under the system temp folder for the whole test run (the packed and published tools, a Wine
    /// prefix, the parse cache): each run fills 120-300 MB. It is removed when the test process ends, and, since the
    /// test host can be killed before its exit handlers finish, the folders of earlier runs whose process is gone are
    /// removed here (the name carries the process id).
    /// </summary>
    public static string ForTheRun(string prefix)
    {
        foreach (var earlier in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), prefix + "*"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(earlier)[prefix.Length..].Split('-')[0], out var owner) && !IsRunning(owner))
            {
                TryDelete(earlier);
            }
        }
        var folder = Directory.CreateTempSubdirectory($"{prefix}{Environment.ProcessId}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Still in use: the next run, or the system's temp folder cleanup, takes it.
        }
    }

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
