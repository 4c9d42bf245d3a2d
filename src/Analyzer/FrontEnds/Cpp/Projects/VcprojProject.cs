using System.Xml;
using System.Xml.Linq;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// Reads a Visual Studio 2005/2008 project (.vcproj): each Configuration's VCCLCompilerTool (defines, include folders)
/// and VCLinkerTool (ModuleDefinitionFile, /EXPORT:), its ConfigurationType (2 is a DLL), and the Files/Filter/File tree
/// with per-file FileConfiguration ExcludedFromBuild and defines.
/// </summary>
public static class VcprojProject
{
    private static readonly Dictionary<string, string> ConfigurationTypes = new(StringComparer.Ordinal)
    {
        ["1"] = "Application",
        ["2"] = "DynamicLibrary",
        ["4"] = "StaticLibrary",
        ["10"] = "Utility",
    };


    public static IReadOnlyList<CppProject> LoadConfigurations(string path)
    {
        var document = Io.SafeXml.Load(path);
        var root = document.Root;
        if (root is null || root.Name.LocalName != "VisualStudioProject")
        {
            throw new InvalidDataException("not a Visual Studio 2005/2008 project (no VisualStudioProject element)");
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var solution = ProjectImports.SolutionDirectory(directory);
        var configurations = root.Element("Configurations")?.Elements("Configuration").ToList() ?? [];
        if (configurations.Count == 0)
        {
            throw new InvalidDataException("the project declares no Configuration");
        }
        var declared = configurations.Count;
        configurations = [.. configurations.Take(CppProject.MaxConfigurations)];
        var files = root.Element("Files")?.Descendants("File").ToList() ?? [];
        var exports = configurations.Select(configuration => Exports(configuration, path, directory, solution)).ToList();
        var ordered = configurations.OrderBy(configuration => Name(configuration).Equals("Release|x64", StringComparison.OrdinalIgnoreCase) ? 0
            : Name(configuration).EndsWith("|x64", StringComparison.OrdinalIgnoreCase) ? 1 : 2);
        return ordered.Select(configuration =>
            {
                var name = Name(configuration);
                string Expand(string value) => Macros(value, name, directory, solution);
                var compiler = Tool(configuration, "VCCLCompilerTool");
                var defines = List(compiler?.Attribute("PreprocessorDefinitions")?.Value, Expand);
                var includes = List(compiler?.Attribute("AdditionalIncludeDirectories")?.Value, Expand)
                    .Where(include => !include.Contains("$(", StringComparison.Ordinal) && !WindowsPath.IsForeignAbsolute(include))
                    .Select(include => WindowsPath.Resolve(include, directory)).Prepend(directory).Distinct(StringComparer.Ordinal).ToList();
                var problems = declared > CppProject.MaxConfigurations ? [CppProject.TooManyConfigurations(declared)] : new List<string>();
                var units = new List<CompileUnit>();
                foreach (var file in files)
                {
                    var relative = file.Attribute("RelativePath")?.Value.Trim() ?? "";
                    if (!CppFileKinds.IsSource(relative))
                    {
                        continue;
                    }
                    var perFile = file.Elements("FileConfiguration").FirstOrDefault(element => string.Equals(element.Attribute("Name")?.Value, name, StringComparison.OrdinalIgnoreCase));
                    if (string.Equals(perFile?.Attribute("ExcludedFromBuild")?.Value, "true", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }
                    var fileCompiler = perFile?.Elements("Tool").FirstOrDefault(tool => tool.Attribute("Name")?.Value == "VCCLCompilerTool");
                    var fileDefines = List(fileCompiler?.Attribute("PreprocessorDefinitions")?.Value, Expand);
                    var source = Expand(relative);
                    if (WindowsPath.IsForeignAbsolute(source))
                    {
                        problems.Add($"'{source}' is an absolute Windows path that does not exist here");
                        continue;
                    }
                    units.Add(new CompileUnit(WindowsPath.Resolve(source, directory), [.. defines.Concat(fileDefines).Distinct(StringComparer.Ordinal)], includes, [])
                    {
                        // VS2005/2008: UsePrecompiledHeader 2 is /Yu (1 creates it), PrecompiledHeaderThrough the header.
                        PrecompiledHeaderFile = PrecompiledHeaderSetting.UsedHeader(
                            (fileCompiler?.Attribute("UsePrecompiledHeader") ?? compiler?.Attribute("UsePrecompiledHeader"))?.Value == "2" ? "Use" : null,
                            (fileCompiler?.Attribute("PrecompiledHeaderThrough") ?? compiler?.Attribute("PrecompiledHeaderThrough"))?.Value),
                    });
                }
                var type = configuration.Attribute("ConfigurationType")?.Value;
                return new CppProject(path, Platform(name), name, units, exports, problems)
                {
                    ConfigurationType = type is null ? null : ConfigurationTypes.GetValueOrDefault(type, type),
                };
            })
            .DistinctBy(project => string.Join("\n", project.Units.Select(unit => $"{project.Platform}|{unit.SourcePath}|{string.Join(";", unit.Defines)}")))
            .ToList();
    }

    private static ExportConfiguration Exports(XElement configuration, string path, string directory, string solution)
    {
        var name = Name(configuration);
        var linker = Tool(configuration, "VCLinkerTool");
        var defFile = linker?.Attribute("ModuleDefinitionFile")?.Value.Trim().Trim('"');
        var defPath = string.IsNullOrEmpty(defFile) ? null : WindowsPath.Resolve(Macros(defFile, name, directory, solution), directory);
        var location = SourceLocation.InSource(path, ((IXmlLineInfo)configuration).LineNumber, ((IXmlLineInfo)configuration).LinePosition, name, kind: null);
        return LinkerExports.Configuration(name, Platform(name), defPath, linker?.Attribute("AdditionalOptions")?.Value, location);
    }

    private static string Name(XElement configuration) => configuration.Attribute("Name")?.Value ?? "";

    private static string Platform(string configuration) => configuration.Split('|') is [_, var platform] ? platform : "Win32";

    private static XElement? Tool(XElement configuration, string name) =>
        configuration.Elements("Tool").FirstOrDefault(tool => tool.Attribute("Name")?.Value == name);

    /// <summary>A VS2008 list: ';' or ',' separated, entries possibly quoted.</summary>
    private static List<string> List(string? value, Func<string, string> expand) =>
        value is null ? [] : [.. expand(value).Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Trim('"').Trim()).Where(part => part.Length > 0)];

    private static string Macros(string value, string configuration, string directory, string solution)
    {
        var (name, platform) = configuration.Split('|') is [var c, var p] ? (c, p) : (configuration, "Win32");
        var separator = Path.DirectorySeparatorChar;
        return value.Replace("$(ConfigurationName)", name, StringComparison.OrdinalIgnoreCase)
            .Replace("$(PlatformName)", platform, StringComparison.OrdinalIgnoreCase)
            .Replace("$(ProjectDir)", directory + separator, StringComparison.OrdinalIgnoreCase)
            .Replace("$(SolutionDir)", solution + separator, StringComparison.OrdinalIgnoreCase)
            .Replace("$(InputDir)", directory + separator, StringComparison.OrdinalIgnoreCase);
    }
}
