using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// A .vcxproj evaluated by MSBuild itself, one configuration at a time (Configuration, Platform and SolutionDir as
/// Visual Studio sets them): conditions, property functions, imported property sheets, Directory.Build.props and
/// ItemDefinitionGroup defaults all apply as in a build. Off Windows the Visual C++ targets are absent: $(VCTargetsPath)
/// points at our stand-ins, and imports that do not exist are ignored. Only called once <see cref="MsBuildInstance"/>
/// has registered MSBuild.
/// </summary>
internal static class VcxprojEvaluation
{

    private const ProjectLoadSettings Settings = ProjectLoadSettings.IgnoreMissingImports | ProjectLoadSettings.IgnoreInvalidImports
                                                 | ProjectLoadSettings.IgnoreEmptyImports | ProjectLoadSettings.DoNotEvaluateElementsWithFalseCondition;

    /// <summary>One project per configuration, in the order given; null when MSBuild cannot evaluate the file (the caller falls back).</summary>
    public static IReadOnlyList<(CppProject Project, IReadOnlyList<string> Problems)>? Load(string path, IReadOnlyList<string> configurations, string solutionDirectory,
        Func<string, SourceLocation> anchor, out string? failure)
    {
        failure = null;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var evaluated = new List<Project>();
        try
        {
            var results = new List<(CppProject, IReadOnlyList<string>)>();
            evaluated.AddRange(configurations.Select(configuration => Evaluate(path, configuration, solutionDirectory)));
            var exports = evaluated.Select((project, index) => Exports(project, configurations[index], directory, anchor(configurations[index]))).ToList();
            for (var i = 0; i < configurations.Count; i++)
            {
                var project = evaluated[i];
                var problems = new List<string>();
                var includePath = Split(project.GetPropertyValue("IncludePath"));
                var units = new List<CompileUnit>();
                foreach (var item in project.GetItems("ClCompile"))
                {
                    if (string.Equals(item.GetMetadataValue("ExcludedFromBuild").Trim(), "true", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }
                    var include = item.EvaluatedInclude.Trim();
                    if (include.Length == 0)
                    {
                        problems.Add("a ClCompile item names no file");
                        continue;
                    }
                    if (WindowsPath.IsForeignAbsolute(include))
                    {
                        problems.Add($"'{include}' is an absolute Windows path that does not exist here");
                        continue;
                    }
                    var includes = Split(item.GetMetadataValue("AdditionalIncludeDirectories")).Concat(includePath)
                        .Where(folder => !WindowsPath.IsForeignAbsolute(folder))
                        .Select(folder => WindowsPath.Resolve(folder, directory)).Prepend(directory).Distinct(StringComparer.Ordinal).ToList();
                    units.Add(new CompileUnit(WindowsPath.Resolve(include, directory), [.. Split(item.GetMetadataValue("PreprocessorDefinitions")).Distinct(StringComparer.Ordinal)], includes, [])
                    {
                        PrecompiledHeaderFile = PrecompiledHeaderSetting.UsedHeader(item.GetMetadataValue("PrecompiledHeader"), item.GetMetadataValue("PrecompiledHeaderFile")),
                    });
                }
                var type = project.GetPropertyValue("ConfigurationType");
                results.Add((new CppProject(path, Platform(configurations[i]), configurations[i], units, exports, problems)
                {
                    ConfigurationType = type.Length > 0 ? type : null,
                }, problems));
            }
            return results;
        }
        catch (Exception exception) when (exception is InvalidProjectFileException or InvalidOperationException or ArgumentException or IOException)
        {
            failure = exception.Message;
            return null;
        }
        finally
        {
            evaluated.ForEach(project => project.ProjectCollection.Dispose());
        }
    }

    private static Project Evaluate(string path, string configuration, string solutionDirectory)
    {
        var (name, platform) = configuration.Split('|') is [var c, var p] ? (c, p) : (configuration, "x64");
        var globals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Configuration"] = name,
            ["Platform"] = platform,
            ["SolutionDir"] = solutionDirectory + Path.DirectorySeparatorChar,
            ["VCTargetsPath"] = Path.Combine(AppContext.BaseDirectory, "vctargets") + Path.DirectorySeparatorChar,
            ["DesignTimeBuild"] = "true",
        };
        var collection = new ProjectCollection(globals);
        return new Project(path, globals, toolsVersion: null, collection, Settings);
    }

    private static ExportConfiguration Exports(Project project, string configuration, string directory, SourceLocation location)
    {
        var link = project.ItemDefinitions.TryGetValue("Link", out var definition) ? definition : null;
        var defFile = link?.GetMetadataValue("ModuleDefinitionFile").Trim() is { Length: > 0 } value ? value : null;
        var defPath = defFile is null ? null : WindowsPath.Resolve(defFile, directory);
        return LinkerExports.Configuration(configuration, Platform(configuration), defPath, link?.GetMetadataValue("AdditionalOptions"), location);
    }

    private static string Platform(string configuration) => configuration.Split('|') is [_, var platform] ? platform : "x64";

    private static IEnumerable<string> Split(string value) =>
        value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.Contains("$(", StringComparison.Ordinal) && !part.StartsWith("%(", StringComparison.Ordinal));
}
