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
    // Each configuration's kind is read from its content once: true for a site's (web.config), false for the server's.
    private readonly ILookup<bool, string> kinds = allInputs.Where(input => input.Kind == InputKind.IisConfig)
        .ToLookup(input => IisConfigKind.IsWebConfig(input.FullPath), input => input.FullPath);

    private List<string> WebConfigs => [.. kinds[true]];

    private bool WithServerConfig => kinds[false].Any();

    public bool Handles(InputKind kind) => kind == InputKind.IisConfig;

    private bool IsWebConfig(string path) => kinds[true].Contains(path, StringComparer.Ordinal);

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
            model = IsWebConfig(path) ? IisConfigReader.ReadWebConfig(path) : IisConfigReader.Read(path, WebConfigs, run.Options.ServerPaths ?? new(), problems);
        }
        catch (InvalidDataException exception)
        {
            return new InputResult(input, [], [run.Notify(ToolNotificationIds.ProjectUnreadable, path, exception.Message)]);
        }
        if (IsWebConfig(path) && WithServerConfig)
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
