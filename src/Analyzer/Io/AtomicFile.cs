namespace IisModuleValidator.Io;

/// <summary>
/// A file the validator keeps for later runs (a cache entry, a PCH, the VFS overlay, setup's record), written beside
/// and renamed over: a concurrent reader sees the old file or the new one, never half of one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Lets <paramref name="write"/> fill a temporary file next to <paramref name="path"/>, then moves it into place.</summary>
    public static void Replace(string path, Action<string> write)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
