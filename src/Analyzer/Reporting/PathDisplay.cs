namespace IisModuleValidator.Reporting;

/// <summary>How paths appear in output: relative to the base directory with '/' when inside it, else absolute.</summary>
public static class PathDisplay
{
    public static bool TryRelative(string baseDirectory, string fullPath, out string relative)
    {
        if (!Io.PathContainment.IsInside(baseDirectory, fullPath, out relative))
        {
            relative = fullPath;
            return false;
        }
        relative = relative.Replace('\\', '/');
        return true;
    }

    public static string For(string baseDirectory, string fullPath)
    {
        TryRelative(baseDirectory, fullPath, out var display);
        return display;
    }
}
