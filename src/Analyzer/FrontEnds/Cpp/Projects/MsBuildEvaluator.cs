using Microsoft.Build.Definition;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Evaluation.Context;
using Microsoft.Build.Exceptions;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// MSBuild's evaluation of a .vcxproj, in a project worker once <see cref="MsBuildInstance"/> has registered MSBuild:
/// every configuration asked for, the ClCompile items each builds with their defines, include folders and precompiled
/// header, and Link's module-definition file and options. No message carries evaluated text that could hold what an
/// environment variable or a file held (<see cref="EvaluatedText"/>).
/// </summary>
internal static class MsBuildEvaluator
{
    private const ProjectLoadSettings Settings = ProjectLoadSettings.IgnoreMissingImports | ProjectLoadSettings.IgnoreInvalidImports
                                                 | ProjectLoadSettings.IgnoreEmptyImports | ProjectLoadSettings.DoNotEvaluateElementsWithFalseCondition;

    private static readonly string StandIns = Path.Combine(AppContext.BaseDirectory, "vctargets") + Path.DirectorySeparatorChar;

    /// <summary>
    /// The evaluation itself, in a project worker once MSBuild is registered: with a Visual Studio's Visual C++ targets
    /// where the request names them (its property sheets and defaults apply as in Visual Studio), and with the
    /// validator's stand-ins where it does not or where that evaluation fails. The answer says which (--verbose).
    /// </summary>
    public static EvaluationAnswer Evaluate(EvaluationRequest request)
    {
        if (ForeignSdk(request.Path) is { } sdk)
        {
            return new EvaluationAnswer(null, $"the project uses the SDK '{Io.BoundedText.Of(sdk)}', which the installed .NET SDK does not ship; `check` restores nothing, so it was read by the validator's own evaluation", Refusal: true);
        }
        if (request.VisualCppTargets is { } installed)
        {
            var real = EvaluateWith(request, Path.TrimEndingDirectorySeparator(installed) + Path.DirectorySeparatorChar);
            if (real.Configurations is not null)
            {
                return real with { Targets = $"Visual Studio's Visual C++ targets ({installed})" };
            }
            var fallback = EvaluateWith(request, StandIns);
            return fallback with { Targets = $"the validator's stand-ins for the Visual C++ targets, since evaluating with Visual Studio's ({installed}) failed: {real.Failure}" };
        }
        return EvaluateWith(request, StandIns) with
        {
            Targets = "the validator's stand-ins for the Visual C++ targets" + (OperatingSystem.IsWindows() ? " (no Visual Studio with the C++ tools was found)" : ""),
        };
    }

    /// <summary>
    /// The folders whose files evaluation trusts to call any property function: the Visual C++ targets' installation
    /// (a Visual Studio's MSBuild folder, for MSBuild\Microsoft\VC\vNNN) and MSBuild's own toolset (MSBuildToolsPath is a
    /// reserved property: no project can move it). The project's own files, its property sheets and imports are held to
    /// <see cref="EvaluatedText.FirstRefusedFunction"/>.
    /// </summary>
    private static IReadOnlyList<string> TrustedFolders(Project project, string targets)
    {
        var folder = Path.TrimEndingDirectorySeparator(targets);
        var vc = Path.GetDirectoryName(folder);
        var microsoft = vc is null ? null : Path.GetDirectoryName(vc);
        var msbuild = microsoft is null ? null : Path.GetDirectoryName(microsoft);
        var installation = Path.GetFileName(vc) == "VC" && Path.GetFileName(microsoft) == "Microsoft" && Path.GetFileName(msbuild) == "MSBuild" ? msbuild! : folder;
        return [.. new[] { installation, project.GetPropertyValue("MSBuildToolsPath") }
            .Where(path => path.Length > 0).Select(path => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar)];
    }

    private static EvaluationAnswer EvaluateWith(EvaluationRequest request, string targets)
    {
        var directory = Path.GetDirectoryName(request.Path)!;
        var evaluated = new List<Project>();
        var fileSystem = new BoundedMsBuildFileSystem();
        // One context for the request's configurations: they share its caches of the file system (an own file system
        // needs the Shared policy).
        var context = EvaluationContext.Create(EvaluationContext.SharingPolicy.Shared, fileSystem);
        try
        {
            evaluated.AddRange(request.Configurations.Select(configuration => EvaluateConfiguration(request.Path, configuration, request.SolutionDirectory, targets, context)));
            // A function may sit in an import only evaluation found; what it read is dropped with the whole evaluation.
            var trusted = TrustedFolders(evaluated[0], targets);
            var files = evaluated[0].Imports.Select(import => (Path: import.ImportedProject.FullPath, Xml: import.ImportedProject.RawXml))
                .Where(import => !trusted.Any(folder => import.Path.StartsWith(folder, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)))
                .Prepend((Path: request.Path, Xml: evaluated[0].Xml.RawXml));
            foreach (var (file, xml) in files)
            {
                if (EvaluatedText.FirstRefusedFunction(xml) is { } function)
                {
                    return new EvaluationAnswer(null, VcxprojEvaluation.RefusedFunction(function, file), Refusal: true);
                }
            }
            return new EvaluationAnswer([.. evaluated.Select((project, index) => Configuration(project, request.Configurations[index], directory))], null);
        }
        catch (Exception) when (fileSystem.ListingBudgetSpent)
        {
            return new EvaluationAnswer(null, $"the project's items list more than {BoundedMsBuildFileSystem.MaxEntries:N0} files and folders (a glob over a large tree); it was read by the validator's own evaluation", Refusal: true);
        }
        catch (InvalidProjectFileException exception)
        {
            // Its message may quote evaluated text; the code and the place say enough.
            return new EvaluationAnswer(null, $"MSBuild could not evaluate it ({exception.ErrorCode} at {Io.BoundedText.Of(Path.GetFileName(exception.ProjectFile ?? request.Path))}({exception.LineNumber}))");
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or IOException)
        {
            return new EvaluationAnswer(null, $"MSBuild could not evaluate it ({exception.GetType().Name})");
        }
        finally
        {
            evaluated.ForEach(project => project.ProjectCollection.Dispose());
        }
    }

    private static EvaluatedConfiguration Configuration(Project project, string configuration, string directory)
    {
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
            var written = item.UnevaluatedInclude.Trim();
            if (include.Length == 0)
            {
                problems.Add("a ClCompile item names no file");
                continue;
            }
            if (WindowsPath.IsForeignAbsolute(include))
            {
                problems.Add($"{EvaluatedText.Describe(include, written)} is an absolute Windows path that does not exist here");
                continue;
            }
            var includes = Split(item.GetMetadataValue("AdditionalIncludeDirectories")).Concat(includePath)
                .Where(folder => !WindowsPath.IsForeignAbsolute(folder))
                .Select(folder => WindowsPath.Resolve(folder, directory)).Prepend(directory).Distinct(StringComparer.Ordinal).ToList();
            units.Add(new CompileUnit(WindowsPath.Resolve(include, directory), [.. Split(item.GetMetadataValue("PreprocessorDefinitions")).Distinct(StringComparer.Ordinal)], includes, [])
            {
                PrecompiledHeaderFile = PrecompiledHeaderSetting.UsedHeader(item.GetMetadataValue("PrecompiledHeader"), item.GetMetadataValue("PrecompiledHeaderFile")),
                AsWritten = written == include ? null : written,
            });
        }
        var link = project.ItemDefinitions.TryGetValue("Link", out var definition) ? definition : null;
        var defFile = link?.GetMetadataValue("ModuleDefinitionFile").Trim() is { Length: > 0 } value ? value : null;
        var type = project.GetPropertyValue("ConfigurationType");
        return new EvaluatedConfiguration(configuration, units, problems, type.Length > 0 ? type : null,
            defFile is null ? null : WindowsPath.Resolve(defFile, directory), link?.GetMetadataValue("AdditionalOptions"));
    }

    private static Project EvaluateConfiguration(string path, string configuration, string solutionDirectory, string targets, EvaluationContext context)
    {
        var (name, platform) = configuration.Split('|') is [var c, var p] ? (c, p) : (configuration, "x64");
        var globals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Configuration"] = name,
            ["Platform"] = platform,
            ["SolutionDir"] = solutionDirectory + Path.DirectorySeparatorChar,
            ["VCTargetsPath"] = targets,
            ["DesignTimeBuild"] = "true",
        };
        return Project.FromFile(path, new ProjectOptions
        {
            GlobalProperties = globals,
            ProjectCollection = new ProjectCollection(globals),
            LoadSettings = Settings,
            EvaluationContext = context,
        });
    }

    /// <summary>An Sdk the project (or an Import, or an Sdk element) names that is not in the installed .NET SDK's Sdks folder.</summary>
    private static string? ForeignSdk(string path)
    {
        var document = Io.SafeXml.Load(path);
        var named = document.Descendants().SelectMany(element => element.Name.LocalName switch
        {
            "Project" or "Import" => element.Attribute("Sdk")?.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [],
            "Sdk" => element.Attribute("Name")?.Value is { } sdkName ? [sdkName + (element.Attribute("Version")?.Value is { } version ? "/" + version : "")] : [],
            _ => [],
        });
        var shipped = Environment.GetEnvironmentVariable("MSBuildSDKsPath");
        return named.FirstOrDefault(sdk => sdk.Contains('/', StringComparison.Ordinal) || shipped is null
            || sdk.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || sdk is "." or ".." || !Directory.Exists(Path.Combine(shipped, sdk)));
    }

    private static IEnumerable<string> Split(string value) =>
        value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.Contains("$(", StringComparison.Ordinal) && !part.StartsWith("%(", StringComparison.Ordinal));
}
