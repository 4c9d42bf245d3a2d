using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// Reads a Visual C++ project: its configurations, the ClCompile items each builds (ExcludedFromBuild honoured),
/// their defines and include folders, and how each configuration exports (ModuleDefinitionFile, /EXPORT:).
/// Conditions of the usual '$(Configuration)|$(Platform)'=='…' shapes are evaluated; others count as false.
/// </summary>
public static partial class VcxprojProject
{
    private static readonly XNamespace Ms = "http://schemas.microsoft.com/developer/msbuild/2003";

    [GeneratedRegex(@"^\s*'([^']*)'\s*==\s*'([^']*)'\s*$")]
    private static partial Regex EqualityCondition();


    /// <summary>The configuration whose code is parsed first: Release|x64 when present, else the first x64, else the first.</summary>
    public static CppProject Load(string path) => LoadConfigurations(path)[0];

    /// <summary>
    /// One project per configuration whose code differs (its platform, its defines or its files): Debug and Release,
    /// Win32 and x64 can compile different #if branches. The first is the one <see cref="Load"/> returns.
    /// </summary>
    /// <param name="useMsBuild">False to read the project with the validator's own evaluation even where MSBuild is available.</param>
    /// <param name="visualCppTargets">The Visual C++ targets MSBuild evaluates with first; null for an installed Visual
    /// Studio's (none off Windows), whose failure falls back to the validator's stand-ins.</param>
    public static IReadOnlyList<CppProject> LoadConfigurations(string path, bool useMsBuild = true, string? visualCppTargets = null)
    {
        var document = Io.SafeXml.Load(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var context = new ExpansionContext(directory, ProjectImports.SolutionDirectory(directory));
        var missingImports = new List<string>();
        ProjectImports.Expand(document, path, value => context.Expand(value, "", null), missingImports);
        // Property sheets and Directory.Build.props may be written without the MSBuild namespace.
        foreach (var element in document.Descendants())
        {
            element.Name = Ms + element.Name.LocalName;
        }
        var configurations = document.Descendants(Ms + "ProjectConfiguration")
            .Select(element => element.Attribute("Include")?.Value)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (configurations.Count == 0)
        {
            throw new InvalidDataException("the project declares no ProjectConfiguration");
        }
        var chosen = configurations.FirstOrDefault(c => c.Equals("Release|x64", StringComparison.OrdinalIgnoreCase))
                     ?? configurations.FirstOrDefault(c => c.EndsWith("|x64", StringComparison.OrdinalIgnoreCase))
                     ?? configurations[0];
        configurations = [.. configurations.OrderBy(configuration => configuration == chosen ? 0 : 1)];
        var projectProblems = new List<string>();
        if (configurations.Count > CppProject.MaxConfigurations)
        {
            projectProblems.Add(CppProject.TooManyConfigurations(configurations.Count));
            configurations = [.. configurations.Take(CppProject.MaxConfigurations)];
        }

        // MSBuild itself, in a project worker, unless an import is not a regular file (MSBuild would read it) or a file the
        // project reads calls a property function that reads beyond its text.
        string why;
        if (missingImports.Any(import => import.Contains("not a regular file", StringComparison.Ordinal)))
        {
            why = "an import is not a regular file";
        }
        else if (!useMsBuild)
        {
            why = "asked for";
        }
        else if (RefusedFunction(document, path) is { } refusal)
        {
            why = "a property function is refused";
            projectProblems.Add(refusal);
        }
        else if (VcxprojEvaluation.Load(path, configurations, context.SolutionDirectory, configuration => Anchor(document, path, configuration),
                     visualCppTargets ?? VcxprojEvaluation.InstalledVisualCppTargets.Value, out var failure, out var refused, out var targets) is { } evaluated)
        {
            return Distinct(evaluated.Select(project => project with
            {
                MissingImports = [],
                EvaluationNote = $"evaluated by MSBuild in a project worker, with {targets ?? "the validator's stand-ins for the Visual C++ targets"}, missing imports ignored",
            }));
        }
        else
        {
            why = refused ? "MSBuild's evaluation was refused or stopped, as its IISM9010 says" : failure ?? "MSBuild could not evaluate it";
            if (refused)
            {
                projectProblems.Add(failure ?? why);
            }
        }

        var exports = configurations.Select(configuration => Exports(document, path, context, configuration)).ToList();
        return Distinct(configurations.Select(configuration =>
        {
            var problems = new List<string>(projectProblems);
            var units = Units(document, context, configuration, problems);
            return new CppProject(path, Platform(configuration), configuration, units, exports, problems)
            {
                MissingImports = missingImports,
                ConfigurationType = Property(document, context, configuration, "ConfigurationType"),
                EvaluationNote = $"read by the validator's own evaluation ({why})",
            };
        }));
    }

    /// <summary>The first refused property function in the project or an import the validator found, said as a problem.</summary>
    private static string? RefusedFunction(XDocument document, string path) =>
        document.DescendantNodes().Select(node => node switch
            {
                XText text => (Text: text.Value, Element: text.Parent),
                XElement element => (Text: string.Join(' ', element.Attributes().Select(attribute => attribute.Value)), Element: element),
                _ => (Text: "", Element: null),
            })
            .Select(part => (Function: EvaluatedText.FirstRefusedFunction(part.Text), part.Element))
            .Where(part => part.Function is not null)
            .Select(part => VcxprojEvaluation.RefusedFunction(part.Function!, part.Element?.Annotation<ProjectImports.ImportedFrom>()?.Path ?? path))
            .FirstOrDefault();

    /// <summary>Configurations whose code is the same (platform, files, defines) are parsed once.</summary>
    private static List<CppProject> Distinct(IEnumerable<CppProject> projects) =>
        [.. projects.DistinctBy(project => string.Join("\n", project.Units.Select(unit => $"{project.Platform}|{unit.SourcePath}|{string.Join(";", unit.Defines)}")))];

    /// <summary>Where a configuration's export findings point: its first conditioned ItemDefinitionGroup in the project itself.</summary>
    private static SourceLocation Anchor(XDocument document, string path, string configuration)
    {
        var own = document.Descendants(Ms + "ItemDefinitionGroup").Where(group => group.Annotation<ProjectImports.ImportedFrom>() is null);
        var anchor = own.FirstOrDefault(group => Applies(group, configuration) && group.Attribute("Condition") is not null)
                     ?? document.Descendants(Ms + "ProjectConfiguration").First(element => string.Equals(element.Attribute("Include")?.Value, configuration, StringComparison.OrdinalIgnoreCase));
        return SourceLocation.InSource(path, ((IXmlLineInfo)anchor).LineNumber, ((IXmlLineInfo)anchor).LinePosition, configuration, kind: null);
    }

    private static string Platform(string configuration) => configuration.Split('|') is [_, var platform] ? platform : "x64";

    /// <summary>The last value a PropertyGroup that applies gives a property, or null.</summary>
    private static string? Property(XDocument document, ExpansionContext context, string configuration, string name) =>
        document.Descendants(Ms + "PropertyGroup").Where(group => Applies(group, configuration))
            .SelectMany(group => group.Elements(Ms + name)).Where(element => Applies(element, configuration))
            .Select(element => context.Expand(element.Value.Trim(), configuration, element)).LastOrDefault(value => value.Length > 0);

    private static List<CompileUnit> Units(XDocument document, ExpansionContext context, string configuration, List<string> problems)
    {
        var directory = context.ProjectDirectory;
        var definitions = Definitions(document, configuration, "ClCompile");
        var defines = Values(definitions, "PreprocessorDefinitions", context, configuration);
        // <IncludePath> (VC++ Directories) adds to the toolset's folders; its $(…) parts are the toolset's own.
        var includePath = Property(document, context, configuration, "IncludePath") is { } value
            ? value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
        var includes = Values(definitions, "AdditionalIncludeDirectories", context, configuration).Concat(includePath)
            .Where(include => !include.Contains("$(", StringComparison.Ordinal) && !include.StartsWith("%(", StringComparison.Ordinal))
            .Where(include => !WindowsPath.IsForeignAbsolute(include))
            .Select(include => WindowsPath.Resolve(include, directory)).Prepend(directory).Distinct(StringComparer.Ordinal).ToList();
        var units = new List<CompileUnit>();
        foreach (var item in document.Descendants(Ms + "ClCompile").Where(element => element.Attribute("Include") is not null))
        {
            if (!Applies(item.Parent, configuration) || !Applies(item, configuration))
            {
                continue;
            }
            var excluded = item.Elements(Ms + "ExcludedFromBuild").Where(element => Applies(element, configuration)).Select(element => element.Value.Trim()).LastOrDefault();
            if (string.Equals(excluded, "true", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var itemDefines = item.Elements(Ms + "PreprocessorDefinitions").Where(element => Applies(element, configuration))
                .SelectMany(element => Split(element.Value, context, configuration, element));
            var include = context.Expand(item.Attribute("Include")!.Value.Trim(), configuration, item);
            if (include.Length == 0)
            {
                problems.Add($"a ClCompile item at line {((IXmlLineInfo)item).LineNumber} names no file");
                continue;
            }
            if (WindowsPath.IsForeignAbsolute(include))
            {
                problems.Add($"'{include}' is an absolute Windows path that does not exist here");
                continue;
            }
            var source = WindowsPath.Resolve(include, directory);
            // The item's own setting, else the configuration's ItemDefinitionGroup default.
            string? Scalar(string name) =>
                item.Elements(Ms + name).Reverse().Concat(definitions.SelectMany(element => element.Elements(Ms + name)).Reverse())
                    .Where(element => Applies(element, configuration)).Select(element => context.Expand(element.Value.Trim(), configuration, element))
                    .FirstOrDefault();
            units.Add(new CompileUnit(source, [.. defines.Concat(itemDefines).Distinct(StringComparer.Ordinal)], includes, [])
            {
                PrecompiledHeaderFile = PrecompiledHeaderSetting.UsedHeader(Scalar("PrecompiledHeader"), Scalar("PrecompiledHeaderFile")),
            });
        }
        return units;
    }

    private static ExportConfiguration Exports(XDocument document, string path, ExpansionContext context, string configuration)
    {
        var link = Definitions(document, configuration, "Link");
        var defElement = link.SelectMany(element => element.Elements(Ms + "ModuleDefinitionFile")).LastOrDefault(element => element.Value.Trim().Length > 0);
        var defFile = defElement is null ? null : context.Expand(defElement.Value.Trim(), configuration, defElement);
        var defPath = defFile is null ? null : WindowsPath.Resolve(defFile, context.ProjectDirectory);
        var options = string.Join(' ', link.SelectMany(element => element.Elements(Ms + "AdditionalOptions")).Select(element => element.Value));
        return LinkerExports.Configuration(configuration, Platform(configuration), defPath, options, Anchor(document, path, configuration));
    }

    /// <summary>The ItemDefinitionGroup/&lt;tool&gt; elements that apply to a configuration, in document order.</summary>
    private static List<XElement> Definitions(XDocument document, string configuration, string tool) =>
        [.. document.Descendants(Ms + "ItemDefinitionGroup").Where(group => Applies(group, configuration)).SelectMany(group => group.Elements(Ms + tool))];

    private static List<string> Values(List<XElement> definitions, string name, ExpansionContext context, string configuration) =>
        [.. definitions.SelectMany(element => element.Elements(Ms + name)).Where(element => Applies(element, configuration))
            .SelectMany(element => Split(element.Value, context, configuration, element)).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<string> Split(string value, ExpansionContext context, string configuration, XElement element) =>
        context.Expand(value, configuration, element).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.StartsWith("%(", StringComparison.Ordinal));

    /// <summary>The MSBuild properties a project's paths use, as Visual Studio sets them when it builds the project.</summary>
    private sealed record ExpansionContext(string ProjectDirectory, string SolutionDirectory)
    {
        public string Expand(string value, string configuration, XElement? element)
        {
            var (name, platform) = configuration.Split('|') is [var c, var p] ? (c, p) : (configuration, "x64");
            var thisFile = element?.Annotation<ProjectImports.ImportedFrom>() is { } imported ? Path.GetDirectoryName(imported.Path)! : ProjectDirectory;
            var separator = Path.DirectorySeparatorChar;
            return value.Replace("$(Configuration)", name, StringComparison.OrdinalIgnoreCase).Replace("$(Platform)", platform, StringComparison.OrdinalIgnoreCase)
                .Replace("$(ProjectDir)", ProjectDirectory + separator, StringComparison.OrdinalIgnoreCase)
                .Replace("$(MSBuildProjectDirectory)", ProjectDirectory, StringComparison.OrdinalIgnoreCase)
                .Replace("$(MSBuildThisFileDirectory)", thisFile + separator, StringComparison.OrdinalIgnoreCase)
                .Replace("$(SolutionDir)", SolutionDirectory + separator, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static bool Applies(XElement? element, string configuration)
    {
        if (element?.Attribute("Condition")?.Value is not { } condition)
        {
            return true;
        }
        var match = EqualityCondition().Match(condition);
        if (!match.Success)
        {
            return false;
        }
        var (name, platform) = configuration.Split('|') is [var c, var p] ? (c, p) : (configuration, "");
        var left = match.Groups[1].Value.Replace("$(Configuration)", name).Replace("$(Platform)", platform);
        return string.Equals(left, match.Groups[2].Value, StringComparison.OrdinalIgnoreCase);
    }
}
