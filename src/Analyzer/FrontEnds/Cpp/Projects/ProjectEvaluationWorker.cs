using System.Text.Json;
using IisModuleValidator.Workers;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>One project to evaluate with MSBuild, in every configuration given.</summary>
/// <param name="VisualCppTargets">A Visual Studio's Visual C++ targets ($(VCTargetsPath)), tried before the validator's
/// stand-ins; null where none is installed.</param>
internal sealed record EvaluationRequest(string Path, IReadOnlyList<string> Configurations, string SolutionDirectory, string? VisualCppTargets = null);

/// <summary>What MSBuild made of one configuration: what it compiles and how it links.</summary>
/// <param name="ModuleDefinitionFile">Link's ModuleDefinitionFile, resolved against the project's folder.</param>
internal sealed record EvaluatedConfiguration(string Configuration, IReadOnlyList<CompileUnit> Units, IReadOnlyList<string> Problems,
    string? ConfigurationType, string? ModuleDefinitionFile, string? LinkOptions);

/// <summary>The configurations, or why there are none.</summary>
/// <param name="Refusal">Evaluation was refused or stopped for a reason the user should see (an SDK that would be
/// restored, a property function that reads files): a notification, not only a --verbose note.</param>
/// <param name="Targets">Which Visual C++ targets the configurations were evaluated with, and why those (--verbose).</param>
internal sealed record EvaluationAnswer(IReadOnlyList<EvaluatedConfiguration>? Configurations, string? Failure, bool Refusal = false, string? Targets = null);

/// <summary>
/// What a project worker process runs (`iis-module-validator __project-worker`): MSBuild evaluations, one request a
/// line, in a process of their own with a scrubbed environment (<see cref="EvaluationEnvironment"/>), so that a
/// project that overflows MSBuild's stack, doubles its properties until memory runs out or reads a FIFO costs that
/// project alone (<see cref="VcxprojEvaluation"/> bounds each request).
/// </summary>
public static class ProjectEvaluationWorker
{
    public const string Verb = "__project-worker";

    internal static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    public static int Run(TextReader input, TextWriter output)
    {
        var busy = 0;
        BlockedOpenWatch.Start(() => Volatile.Read(ref busy) == 1, () =>
        {
            // The evaluation cannot be got back from an open that never returns: answer for it, and end.
            lock (output)
            {
                output.WriteLine(JsonSerializer.Serialize(new EvaluationAnswer(null,
                    "MSBuild's evaluation opened a FIFO or a device (an import that is not a regular file) and was stopped; the project was read by the validator's own evaluation instead", Refusal: true), Json));
                output.Flush();
            }
            Environment.Exit(0);
        });
        return WorkerLoop.Run(input, output, line =>
        {
            Volatile.Write(ref busy, 1);
            try
            {
                return Answer(line);
            }
            finally
            {
                Volatile.Write(ref busy, 0);
            }
        });
    }

    private static string Answer(string line)
    {
        EvaluationAnswer answer;
        try
        {
            var request = JsonSerializer.Deserialize<EvaluationRequest>(line, Json) ?? throw new InvalidDataException("an empty request");
            answer = MsBuildInstance.Unavailable is { } unavailable
                ? new EvaluationAnswer(null, $"MSBuild is not available: {unavailable}")
                : MsBuildEvaluator.Evaluate(request);
        }
        catch (Exception exception)
        {
            // The exception's message may carry evaluated text; its type says enough.
            answer = new EvaluationAnswer(null, $"MSBuild's evaluation failed ({exception.GetType().Name}); the project was read by the validator's own evaluation instead", Refusal: true);
        }
        return JsonSerializer.Serialize(answer, Json);
    }
}
