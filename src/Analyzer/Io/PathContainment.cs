namespace IisModuleValidator.Io;

/// <summary>Whether a full path lies inside a folder, by its relative path ('..' segments or another drive mean outside).</summary>
public static class PathContainment
{
    /// <param name="relative">The path relative to <paramref name="folder"/>, as Path.GetRelativePath gives it.</param>
    public static bool IsInside(string folder, string fullPath, out string relative)
    {
        relative = Path.GetRelativePath(folder, fullPath);
        return !(relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith(@"..\", StringComparison.Ordinal)
                 || Path.IsPathRooted(relative));
    }

    public static bool IsInside(string folder, string fullPath) => IsInside(folder, fullPath, out _);
}
