using System.Text.Json;
using IisModuleValidator.Model;
using IisModuleValidator.Workers;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// A .vcxproj evaluated by MSBuild itself, one configuration at a time (Configuration, Platform and SolutionDir as
/// Visual Studio sets them): conditions, property functions, imported property sheets, Directory.Build.props and
/// ItemDefinitionGroup defaults all apply as in a build. $(VCTargetsPath) is a Visual Studio's where one with the C++ tools
/// is installed, and our stand-ins where none is (off Windows) or where evaluating with Visual Studio's fails; imports
/// that do not exist are ignored. The evaluation runs in a project worker
/// (<see cref="ProjectEvaluationWorker"/>, <see cref="MsBuildEvaluator"/>), bounded by <see cref="Bounds"/>; no
/// Microsoft.Build code runs in this process.
/// </summary>
internal static class VcxprojEvaluation
{
    /// <summary>A real project's four configurations take about a second and 150 MiB (MSBuild and the runtime with our
    /// Visual C++ stand-ins); a hostile one is stopped here.</summary>
    public static readonly WorkerBounds Bounds = new(TimeSpan.FromSeconds(30), 512L * 1024 * 1024, "MSBuild's evaluation", "a project worker", QuoteStandardError: false);

    private static readonly Lazy<WorkerPool?> Workers = new(() => WorkerPool.For(ProjectEvaluationWorker.Verb, EvaluationEnvironment.Apply));

    /// <summary>One project per configuration, in the order given; null when MSBuild cannot evaluate the file (the caller falls
    /// back), with <paramref name="failure"/> saying why and <paramref name="refused"/> whether that is worth a notification.</summary>
    /// <summary>The newest Visual Studio's Visual C++ targets, looked for once (vswhere); null off Windows.</summary>
    public static readonly Lazy<string?> InstalledVisualCppTargets = new(Installations.VisualStudioInstallation.VisualCppTargets);

    public static IReadOnlyList<CppProject>? Load(string path, IReadOnlyList<string> configurations, string solutionDirectory,
        Func<string, SourceLocation> anchor, string? visualCppTargets, out string? failure, out bool refused, out string? targets)
    {
        refused = false;
        targets = null;
        if (Workers.Value is not { } workers)
        {
            failure = "no project worker can be started beside this process";
            return null;
        }
        var request = new EvaluationRequest(Path.GetFullPath(path), configurations, solutionDirectory, visualCppTargets);
        var (line, stopped) = workers.Send(JsonSerializer.Serialize(request, ProjectEvaluationWorker.Json), Bounds);
        EvaluationAnswer? answer = null;
        try
        {
            answer = line is null ? null : JsonSerializer.Deserialize<EvaluationAnswer>(line, ProjectEvaluationWorker.Json);
        }
        catch (JsonException)
        {
            stopped = "the project worker's answer could not be read";
        }
        if (answer is null)
        {
            // Crashed, over time or memory: the project is still read, by the validator's own evaluation, and the user told.
            refused = true;
            failure = $"{stopped ?? "the project worker answered nothing"}; the project was read by the validator's own evaluation instead";
            return null;
        }
        targets = answer.Targets;
        if (answer.Configurations is not { } evaluated)
        {
            refused = answer.Refusal;
            failure = answer.Failure ?? "MSBuild gave no configurations";
            return null;
        }
        failure = null;
        return [.. evaluated.Select(result => new CppProject(path, Platform(result.Configuration), result.Configuration, result.Units,
            [.. evaluated.Select(each => LinkerExports.Configuration(each.Configuration, Platform(each.Configuration), each.ModuleDefinitionFile, each.LinkOptions, anchor(each.Configuration)))],
            result.Problems)
        {
            ConfigurationType = result.ConfigurationType,
        })];
    }

    public static string RefusedFunction(string function, string file) =>
        $"'{Io.BoundedText.Of(Path.GetFileName(file))}' calls the property function {Io.BoundedText.Of(function)}, which reads files, folders, the environment or the registry, or runs a regular expression; evaluation runs none, so the project was read by the validator's own evaluation";

    private static string Platform(string configuration) => configuration.Split('|') is [_, var platform] ? platform : "x64";

}
