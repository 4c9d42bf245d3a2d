using IisModuleValidator.FrontEnds.IisConfig;
using IisModuleValidator.Io;
using IisModuleValidator.Model;
using IisModuleValidator.Rules.Deployment;

namespace IisModuleValidator.Analysis;

/// <summary>
/// The deployment check: applicationHost.config with the run's web.config files, each global module's image read by
/// the binary front end (same cache of contents as the DLL inputs), then the 6xxx rules. A web.config given with an
/// applicationHost.config is part of its analysis; alone, only what it says by itself is checked.
/// </summary>
internal sealed class DeploymentInputs(RunScope run, BinaryInputs binaries, IReadOnlyList<ResolvedInput> allInputs) : IInputFrontEnd
{
    private readonly List<string> webConfigs = [.. allInputs.Where(input => input.Kind == InputKind.IisConfig && IsWebConfig(input.FullPath)).Select(input => input.FullPath)];
    private readonly bool withServerConfig = allInputs.Any(input => input.Kind == InputKind.IisConfig && !IsWebConfig(input.FullPath));

    public bool Handles(InputKind kind) => kind == InputKind.IisConfig;

    private static bool IsWebConfig(string path) => FrontEnds.IisConfig.IisConfigKind.IsWebConfig(path);

    public InputResult Analyze(ResolvedInput resolved)
    {
        var path = resolved.FullPath;
        if (run.HashTextInput(path, out var sha256, out var length) is { } unreadable)
        {
            return unreadable;
        }
        var input = new AnalyzedInput(path, sha256, length, null);
        var problems = new List<(string Subject, string Why)>();
        DeploymentModel model;
        try
        {
            model = IsWebConfig(path) ? IisConfigReader.ReadWebConfig(path) : IisConfigReader.Read(path, webConfigs, run.Options.ServerPaths ?? new(), problems);
        }
        catch (InvalidDataException exception)
        {
            return new InputResult(input, [], [run.Notify(ToolNotificationIds.ProjectUnreadable, path, exception.Message)]);
        }
        if (IsWebConfig(path) && withServerConfig)
        {
            return new InputResult(input with { Deployment = model }, [], []); // its rules run with the applicationHost.config of this run
        }
        var notifications = problems.Select(problem => run.Notify(ToolNotificationIds.ConfigPathUnresolved, path, problem.Subject, problem.Why)).ToList();
        var modules = new List<GlobalModuleEntry>();
        foreach (var module in model.GlobalModules)
        {
            if (module.Unresolved is { } why)
            {
                notifications.Add(run.Notify(ToolNotificationIds.ConfigPathUnresolved, path, $"the image of '{module.Name}' (line {module.Location.Line})", why));
                modules.Add(module);
                continue;
            }
            if (module.ResolvedImage is not { } image || FileStatus.KindOf(image) != FileKind.RegularFile)
            {
                modules.Add(module with { ImageMissing = module.ResolvedImage is not null }); // IISM6001
                continue;
            }
            var binary = binaries.Analyze(image);
            modules.Add(module with { ImageModel = binary.Input?.Model, ImageFindings = binary.Findings });
        }
        model = model with { GlobalModules = modules };
        var findings = run.Rules.OfType<DeploymentRule>().SelectMany(rule => rule.Check(model, run.Context)).ToList();
        return new InputResult(input with { Deployment = model }, findings, notifications);
    }
}
