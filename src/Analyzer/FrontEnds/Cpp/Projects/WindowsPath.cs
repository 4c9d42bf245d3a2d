namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// Paths in Visual Studio projects are Windows paths: backslashes, any letter case, drive letters. On a case-sensitive
/// file system they are resolved as Windows would: separators normalised, and each segment matched to the entry on
/// disk that differs only in case ('src\x.cpp' finds 'Src/X.cpp').
/// </summary>
public static class WindowsPath
{
    /// <summary>Whether the path is a Windows absolute path ('C:\…', '\\server\…') that means nothing on this system.</summary>
    public static bool IsForeignAbsolute(string path) =>
        !OperatingSystem.IsWindows() && (path.Length >= 3 && char.IsAsciiLetter(path[0]) && path[1] == ':' && path[2] is '\\' or '/'
                                         || path.StartsWith(@"\\", StringComparison.Ordinal));

    /// <summary>The full path on this system, with the case of what exists on disk (the spelling as given where nothing does).</summary>
    public static string Resolve(string path, string baseDirectory)
    {
        var normalized = OperatingSystem.IsWindows() ? path : path.Replace('\\', '/');
        var full = Path.GetFullPath(normalized, baseDirectory);
        if (OperatingSystem.IsWindows() || Path.Exists(full))
        {
            return full;
        }
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var segment in full[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var exact = Path.Combine(current, segment);
            if (Path.Exists(exact))
            {
                current = exact;
                continue;
            }
            var match = Directory.Exists(current) ? Entries(current).FirstOrDefault(entry => string.Equals(Path.GetFileName(entry), segment, StringComparison.OrdinalIgnoreCase)) : null;
            if (match is null)
            {
                return full;
            }
            current = match;
        }
        return current;
    }

    private static IEnumerable<string> Entries(string directory)
    {
        try
        {
            return Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
