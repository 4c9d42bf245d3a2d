namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>Which files are C/C++ sources and headers, by extension, letter case aside (Windows projects mix it).</summary>
public static class CppFileKinds
{
    public static IReadOnlySet<string> SourceExtensions { get; } =
        new HashSet<string>([".c", ".cc", ".cpp", ".cxx", ".c++"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Headers, with MSVC's #import output (.tlh, .tli) and inline/implementation files.</summary>
    public static IReadOnlySet<string> HeaderExtensions { get; } =
        new HashSet<string>([".h", ".hh", ".hpp", ".hxx", ".h++", ".inl", ".ipp", ".tlh", ".tli"], StringComparer.OrdinalIgnoreCase);

    public static bool IsSource(string path) => SourceExtensions.Contains(Path.GetExtension(path));

    public static bool IsHeader(string path) => HeaderExtensions.Contains(Path.GetExtension(path));

    public static bool IsSourceOrHeader(string path) => IsSource(path) || IsHeader(path);
}
