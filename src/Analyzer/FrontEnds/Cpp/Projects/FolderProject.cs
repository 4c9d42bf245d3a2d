using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>A folder of sources as one module: every .cpp/.cc/.cxx/.c below it, its folders with headers as include folders.</summary>
public static class FolderProject
{
    public static readonly string[] SourceExtensions = [".cpp", ".cc", ".cxx", ".c"];
    private static readonly string[] HeaderExtensions = [".h", ".hpp", ".hh", ".hxx", ".inl"];

    public static bool HasSources(string folder) => Sources(folder).Any();

    public static CppProject Load(string folder)
    {
        var includes = Files(folder, HeaderExtensions).Select(Path.GetDirectoryName).OfType<string>().Prepend(folder)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var units = Sources(folder).Select(source => new CompileUnit(source, ["WIN32", "_WINDOWS", "NDEBUG", "_USRDLL"], includes, [])).ToList();
        var defFiles = Files(folder, [".def"]).ToList();
        var location = SourceLocation.OfFile(folder);
        IReadOnlyList<ExportConfiguration> exports = defFiles.Count == 0
            ? [new ExportConfiguration(Path.GetFileName(folder), "x64", null, false, false, [], location)]
            : [.. defFiles.Select(def => new ExportConfiguration(Path.GetFileName(folder), "x64", def, true,
                DefFile.NamedExports(def).Contains(Contract.IisContract.RegisterModuleExportName), [], SourceLocation.OfFile(def)))];
        return new CppProject(folder, "x64", null, units, exports);
    }

    private static IEnumerable<string> Sources(string folder) => Files(folder, SourceExtensions);

    private static IEnumerable<string> Files(string folder, string[] extensions) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true })
            .Where(path => extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or ".vs"))
            .Order(StringComparer.Ordinal);
}
