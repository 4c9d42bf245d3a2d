using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>A folder of sources as one module: every .cpp/.cc/.cxx/.c below it, its folders with headers as include folders.</summary>
public static class FolderProject
{

    public static bool HasSources(string folder) => Sources(folder).Any();

    public static CppProject Load(string folder)
    {
        var includes = Files(folder, CppFileKinds.HeaderExtensions).Select(Path.GetDirectoryName).OfType<string>().Prepend(folder)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var units = Sources(folder).Select(source => new CompileUnit(source, ["WIN32", "_WINDOWS", "NDEBUG", "_USRDLL"], includes, [])).ToList();
        // Without a project nothing says how the DLL is linked: only a .def that exports RegisterModule is a fact
        // (it makes a C++-mangled RegisterModule export under its plain name); its absence proves nothing.
        IReadOnlyList<ExportConfiguration> exports = [.. Files(folder, new HashSet<string>([".def"], StringComparer.OrdinalIgnoreCase))
            .Where(def => DefFile.NamedExports(def).Contains(Contract.IisContract.RegisterModuleExportName))
            .Select(def => new ExportConfiguration(Path.GetFileName(folder), "x64", def, true, true, [], SourceLocation.OfFile(def)))];
        return new CppProject(folder, "x64", null, units, exports);
    }

    private static IEnumerable<string> Sources(string folder) => Files(folder, CppFileKinds.SourceExtensions);

    private static IEnumerable<string> Files(string folder, IReadOnlySet<string> extensions) =>
        new Analysis.FolderWalker().Files(folder)
            .Where(path => extensions.Contains(Path.GetExtension(path)))
            .Where(path => !Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or ".git" or ".vs"))
            .Order(StringComparer.Ordinal);
}
