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

    [GeneratedRegex(@"[/-]EXPORT:([^\s,=]+)", RegexOptions.IgnoreCase)]
    private static partial Regex ExportOption();

    /// <summary>The configuration whose code is parsed first: Release|x64 when present, else the first x64, else the first.</summary>
    public static CppProject Load(string path) => LoadConfigurations(path)[0];

    /// <summary>
    /// One project per configuration whose code differs (its platform, its defines or its files): Debug and Release,
    /// Win32 and x64 can compile different #if branches. The first is the one <see cref="Load"/> returns.
    /// </summary>
    public static IReadOnlyList<CppProject> LoadConfigurations(string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"not a well-formed project file: {exception.Message}");
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
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
        var exports = configurations.Select(configuration => Exports(document, path, directory, configuration)).ToList();
        return configurations.OrderBy(configuration => configuration == chosen ? 0 : 1)
            .Select(configuration => new CppProject(path, Platform(configuration), configuration, Units(document, directory, configuration), exports))
            .DistinctBy(project => string.Join("\n", project.Units.Select(unit => $"{project.Platform}|{unit.SourcePath}|{string.Join(";", unit.Defines)}")))
            .ToList();
    }

    private static string Platform(string configuration) => configuration.Split('|') is [_, var platform] ? platform : "x64";

    private static List<CompileUnit> Units(XDocument document, string directory, string configuration)
    {
        var definitions = Definitions(document, configuration, "ClCompile");
        var defines = Values(definitions, "PreprocessorDefinitions", directory, configuration);
        var includes = Values(definitions, "AdditionalIncludeDirectories", directory, configuration)
            .Select(include => Path.GetFullPath(include, directory)).Prepend(directory).Distinct(StringComparer.Ordinal).ToList();
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
                .SelectMany(element => Split(element.Value, directory, configuration));
            var source = Path.GetFullPath(Expand(item.Attribute("Include")!.Value, directory, configuration).Replace('\\', '/'), directory);
            units.Add(new CompileUnit(source, [.. defines.Concat(itemDefines).Distinct(StringComparer.Ordinal)], includes, []));
        }
        return units;
    }

    private static ExportConfiguration Exports(XDocument document, string path, string directory, string configuration)
    {
        var link = Definitions(document, configuration, "Link");
        var defFile = link.SelectMany(element => element.Elements(Ms + "ModuleDefinitionFile")).Select(element => element.Value.Trim())
            .LastOrDefault(value => value.Length > 0);
        var defPath = defFile is null ? null : Path.GetFullPath(Expand(defFile, directory, configuration).Replace('\\', '/'), directory);
        var options = string.Join(' ', link.SelectMany(element => element.Elements(Ms + "AdditionalOptions")).Select(element => element.Value));
        var exported = ExportOption().Matches(options).Select(match => match.Groups[1].Value).ToList();
        var anchor = document.Descendants(Ms + "ItemDefinitionGroup").FirstOrDefault(group => Applies(group, configuration) && group.Attribute("Condition") is not null)
                     ?? document.Descendants(Ms + "ProjectConfiguration").First(element => element.Attribute("Include")?.Value == configuration);
        var line = ((IXmlLineInfo)anchor).LineNumber;
        var exists = defPath is not null && File.Exists(defPath);
        return new ExportConfiguration(configuration, Platform(configuration), defPath, exists,
            exists && DefFile.NamedExports(defPath!).Contains(Contract.IisContract.RegisterModuleExportName),
            exported, SourceLocation.InSource(path, line, ((IXmlLineInfo)anchor).LinePosition, configuration));
    }

    /// <summary>The ItemDefinitionGroup/&lt;tool&gt; elements that apply to a configuration, in document order.</summary>
    private static List<XElement> Definitions(XDocument document, string configuration, string tool) =>
        [.. document.Descendants(Ms + "ItemDefinitionGroup").Where(group => Applies(group, configuration)).SelectMany(group => group.Elements(Ms + tool))];

    private static List<string> Values(List<XElement> definitions, string name, string directory, string configuration) =>
        [.. definitions.SelectMany(element => element.Elements(Ms + name)).Where(element => Applies(element, configuration))
            .SelectMany(element => Split(element.Value, directory, configuration)).Distinct(StringComparer.Ordinal)];

    private static IEnumerable<string> Split(string value, string directory, string configuration) =>
        Expand(value, directory, configuration).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.StartsWith("%(", StringComparison.Ordinal));

    private static string Expand(string value, string directory, string configuration)
    {
        var (name, platform) = configuration.Split('|') is [var c, var p] ? (c, p) : (configuration, "x64");
        var projectDir = directory + Path.DirectorySeparatorChar;
        return value.Replace("$(Configuration)", name).Replace("$(Platform)", platform)
            .Replace("$(ProjectDir)", projectDir).Replace("$(MSBuildProjectDirectory)", directory).Replace("$(SolutionDir)", projectDir);
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
