using IisModuleValidator.FrontEnds.IisConfig;
using IisModuleValidator.Io;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;
using IisModuleValidator.Rules.Deployment;

namespace IisModuleValidator.Analysis;

/// <summary>The deployment check: an IIS configuration against the module DLLs it loads.</summary>
public sealed partial class ModuleValidator
{
    private static bool IsWebConfig(string path) => Path.GetFileName(path).Equals("web.config", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// applicationHost.config with the run's web.config files: each global module's image read by the binary front end
    /// (same cache of contents as the DLL inputs), then the 6xxx rules. A web.config given with an applicationHost.config
    /// is part of its analysis; alone, only what it says by itself is checked.
    /// </summary>
    private InputResult AnalyzeConfiguration(string path, IReadOnlyList<string> webConfigs, bool withServerConfig, RuleContext context,
        System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(ModuleModel? Model, IReadOnlyList<string> Notes, string? Malformed)>> byContent,
        OfflinePaths paths)
    {
        if (HashTextInput(path, out var sha256, out var length) is { } unreadable)
        {
            return unreadable;
        }
        var input = new AnalyzedInput(path, sha256, length, null);
        var problems = new List<(string Subject, string Why)>();
        DeploymentModel model;
        try
        {
            model = IsWebConfig(path) ? IisConfigReader.ReadWebConfig(path) : IisConfigReader.Read(path, webConfigs, paths, problems);
        }
        catch (InvalidDataException exception)
        {
            return new InputResult(input, [], [Notify(ToolNotificationIds.ProjectUnreadable, path, exception.Message)]);
        }
        if (IsWebConfig(path) && withServerConfig)
        {
            return new InputResult(input with { Deployment = model }, [], []); // its rules run with the applicationHost.config of this run
        }
        var notifications = problems.Select(problem => Notify(ToolNotificationIds.ConfigPathUnresolved, path, problem.Subject, problem.Why)).ToList();
        var modules = new List<GlobalModuleEntry>();
        foreach (var module in model.GlobalModules)
        {
            if (module.Unresolved is { } why)
            {
                notifications.Add(Notify(ToolNotificationIds.ConfigPathUnresolved, path, $"the image of '{module.Name}' (line {module.Location.Line})", why));
                modules.Add(module);
                continue;
            }
            if (module.ResolvedImage is not { } image || FileStatus.KindOf(image) != FileKind.RegularFile)
            {
                modules.Add(module with { ImageMissing = module.ResolvedImage is not null }); // IISM6001
                continue;
            }
            var binary = AnalyzeBinary(image, context, byContent);
            modules.Add(module with { ImageModel = binary.Input?.Model, ImageFindings = binary.Findings });
        }
        model = model with { GlobalModules = modules };
        var findings = rules.OfType<DeploymentRule>().SelectMany(rule => rule.Check(model, context)).ToList();
        return new InputResult(input with { Deployment = model }, findings, notifications);
    }
}
