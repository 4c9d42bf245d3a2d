using IisModuleValidator.FrontEnds.CSharp;

namespace IisModuleValidator.Analysis;

/// <summary>C# NativeAOT projects and sources through Roslyn, with the suppressions and severities the build would apply.</summary>
internal sealed class CSharpInputs(RunScope run) : IInputFrontEnd
{
    public bool Handles(InputKind kind) => kind is InputKind.CSharpProject or InputKind.CSharpFile;

    public InputResult Analyze(ResolvedInput input)
    {
        var path = input.FullPath;
        if (run.HashTextInput(path, out var sha256, out var length) is { } unreadable)
        {
            return unreadable;
        }
        try
        {
            var project = input.Kind == InputKind.CSharpProject ? CSharpProject.Load(path) : CSharpProject.FromFile(path);
            // Roslyn and our collector recurse over syntax: hostile nesting needs a deep stack, not a crash.
            var analysis = LargeStack.Run(() => CSharpFrontEnd.Analyze(project));
            var notifications = analysis.Errors.Select(error => run.Notify(ToolNotificationIds.SourceAnalysisDegraded, error.File,
                $"this file ({error.Count} error{(error.Count == 1 ? "" : "s")})", error.First)).ToList();
            notifications.AddRange(analysis.Skipped.Select(skipped => run.Notify(ToolNotificationIds.ProjectItemSkipped, path, skipped)));
            // References that cannot be resolved make the analysis blind to types a build would see: an error.
            notifications.AddRange(project.Problems.Select(problem => run.Notify(ToolNotificationIds.ProjectUnreadable, path, problem)));
            // #pragma, [SuppressMessage] and .editorconfig severities, judged by Roslyn as the build judges them.
            var findings = Suppressions.CSharpSuppressions.Apply(analysis.Compilation, run.Check(analysis.Model), run.Catalog);
            return new InputResult(new AnalyzedInput(path, sha256, length, analysis.Model), findings, notifications);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return new InputResult(new AnalyzedInput(path, sha256, length, null), [], [run.Notify(ToolNotificationIds.ProjectUnreadable, path, exception.Message)]);
        }
        catch (Exception exception)
        {
            return run.Failed(path, sha256, length, exception);
        }
    }
}
