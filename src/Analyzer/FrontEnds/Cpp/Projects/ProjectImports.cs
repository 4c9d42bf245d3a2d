using System.Xml.Linq;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// The imports of a Visual C++ project that carry its settings: Directory.Build.props found above the project (as
/// MSBuild finds it), and every &lt;Import Project="…"&gt; of a property sheet that exists, recursively. Their
/// elements are spliced in where MSBuild evaluates them, so that ItemDefinitionGroup defaults (defines, include
/// folders, ModuleDefinitionFile) set in a sheet apply. Imports that do not exist here (the Visual C++ targets on
/// Linux) are passed over and listed. Spliced elements remember their file, so that locations stay in the project.
/// </summary>
internal static class ProjectImports
{
    private const int MaxDepth = 16;

    /// <summary>The file an element was imported from.</summary>
    public sealed record ImportedFrom(string Path);

    public static XDocument Expand(XDocument document, string projectPath, Func<string, string> expand, List<string> missing)
    {
        var projectDirectory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(projectPath))!;
        var root = document.Root!;
        if (FindAbove(projectDirectory, "Directory.Build.props") is { } directoryProps)
        {
            root.AddFirst(Imported(directoryProps, expand, missing, depth: 1, [projectPath]));
        }
        Splice(root, projectDirectory, expand, missing, depth: 0, [projectPath]);
        if (FindAbove(projectDirectory, "Directory.Build.targets") is { } directoryTargets)
        {
            root.Add(Imported(directoryTargets, expand, missing, depth: 1, [projectPath]));
        }
        return document;
    }

    private static void Splice(XElement root, string directory, Func<string, string> expand, List<string> missing, int depth, HashSet<string> seen)
    {
        // <Import> directly under <Project> or inside an <ImportGroup Label="PropertySheets">.
        var imports = root.Elements()
            .SelectMany(element => element.Name.LocalName == "ImportGroup" ? element.Elements() : [element])
            .Where(element => element.Name.LocalName == "Import").ToList();
        foreach (var import in imports)
        {
            var project = import.Attribute("Project")?.Value;
            if (string.IsNullOrWhiteSpace(project))
            {
                continue;
            }
            var expanded = expand(project.Replace("$(MSBuildThisFileDirectory)", directory + System.IO.Path.DirectorySeparatorChar));
            if (expanded.Contains("$(", StringComparison.Ordinal) || WindowsPath.IsForeignAbsolute(expanded))
            {
                missing.Add(project);
                continue;
            }
            var path = WindowsPath.Resolve(expanded, directory);
            if (!File.Exists(path))
            {
                missing.Add(project);
                continue;
            }
            var elements = Imported(path, expand, missing, depth + 1, seen).ToList();
            // A sheet imported for one configuration applies to that configuration only.
            var condition = import.Parent?.Name.LocalName == "ImportGroup" ? import.Parent.Attribute("Condition")?.Value : null;
            foreach (var element in elements.Where(element => element.Attribute("Condition") is null && condition is not null))
            {
                element.SetAttributeValue("Condition", condition);
            }
            import.ReplaceWith(elements);
        }
    }

    private static IEnumerable<XElement> Imported(string path, Func<string, string> expand, List<string> missing, int depth, HashSet<string> seen)
    {
        if (depth > MaxDepth || !seen.Add(path))
        {
            return [];
        }
        XDocument imported;
        try
        {
            imported = Io.SafeXml.Load(path);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            missing.Add($"{path} ({exception.Message})");
            return [];
        }
        Splice(imported.Root!, System.IO.Path.GetDirectoryName(path)!, expand, missing, depth, seen);
        var elements = imported.Root!.Elements().ToList();
        foreach (var element in elements.SelectMany(element => element.DescendantsAndSelf()))
        {
            element.AddAnnotation(new ImportedFrom(path));
        }
        return elements.Select(element =>
        {
            element.Remove();
            return element;
        }).ToList();
    }

    private static string? FindAbove(string directory, string fileName)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            var candidate = System.IO.Path.Combine(current.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The folder of the nearest .sln at or above the project: what $(SolutionDir) is when building it.</summary>
    public static string SolutionDirectory(string projectDirectory)
    {
        for (var current = new DirectoryInfo(projectDirectory); current is not null; current = current.Parent)
        {
            try
            {
                if (current.EnumerateFiles("*.sln*").Any(file => file.Extension.Equals(".sln", StringComparison.OrdinalIgnoreCase) || file.Extension.Equals(".slnx", StringComparison.OrdinalIgnoreCase)))
                {
                    return current.FullName;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                break;
            }
        }
        return projectDirectory;
    }
}
