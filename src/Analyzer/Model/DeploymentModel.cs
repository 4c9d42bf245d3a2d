namespace IisModuleValidator.Model;

/// <summary>An application pool: applicationPools/add over applicationPoolDefaults.</summary>
/// <param name="Enable32BitAppOnWin64">Its worker processes are 32-bit (WOW64) on a 64-bit Windows.</param>
public sealed record AppPool(string Name, bool Enable32BitAppOnWin64, string ManagedPipelineMode, string ManagedRuntimeVersion, SourceLocation Location);

/// <summary>A site's application: its path, the pool it runs in, and its physical folder as the config names it.</summary>
public sealed record SiteApplication(string Site, string Path, string AppPool, string? PhysicalPath, SourceLocation Location)
{
    /// <summary>The configuration path of the application: "Site" for its root, "Site/app" below.</summary>
    public string ConfigPath => Path.Trim('/').Length == 0 ? Site : $"{Site}/{Path.Trim('/')}";
}

/// <summary>globalModules/add: a native module IIS loads into every worker process its preCondition admits.</summary>
/// <param name="ResolvedImage">The image on this machine (after --root/--env), or null when it cannot be resolved here.</param>
/// <param name="ImageModel">What the binary front end made of the image, when it could be read.</param>
public sealed record GlobalModuleEntry(string Name, string Image, string? PreCondition, SourceLocation Location, string? ResolvedImage,
    string? Unresolved = null)
{
    public ModuleModel? ImageModel { get; init; }

    /// <summary>The resolved image is not a regular file on this machine (missing, a folder, a device).</summary>
    public bool ImageMissing { get; init; }

    /// <summary>The image's own findings (exports, architecture) from the binary checks.</summary>
    public IReadOnlyList<Finding> ImageFindings { get; init; } = [];
}

/// <summary>One element of a &lt;modules&gt; collection at a configuration path ("" for the server, "Site/app" below).</summary>
public sealed record ModulesEntry(string Action, string? Name, string? Type, string? PreCondition, string ConfigPath, SourceLocation Location);

/// <summary>
/// What applicationHost.config (and the web.config files given with it) wire together: pools, sites and their
/// applications, global modules and the &lt;modules&gt; collections, each with the config line it came from.
/// </summary>
public sealed record DeploymentModel(
    string InputPath,
    IReadOnlyList<AppPool> Pools,
    IReadOnlyList<SiteApplication> Applications,
    IReadOnlyList<GlobalModuleEntry> GlobalModules,
    IReadOnlyList<ModulesEntry> Modules)
{
    /// <summary>False for a web.config read alone: what the server defines (globalModules, sites) is unknown, not empty.</summary>
    public bool IsServerConfig { get; init; } = true;

    /// <summary>The modules enabled at a configuration path: the server's collection, then each location and web.config on
    /// the way down, applying clear, remove and add in order.</summary>
    public IReadOnlyList<ModulesEntry> EffectiveModules(string configPath)
    {
        var effective = new List<ModulesEntry>();
        foreach (var entry in Modules.Where(entry => Applies(entry.ConfigPath, configPath)).OrderBy(entry => Depth(entry.ConfigPath)))
        {
            switch (entry.Action)
            {
                case "clear":
                    effective.Clear();
                    break;
                case "remove":
                    effective.RemoveAll(added => string.Equals(added.Name, entry.Name, StringComparison.OrdinalIgnoreCase));
                    break;
                default:
                    effective.Add(entry);
                    break;
            }
        }
        return effective;
    }

    private static int Depth(string configPath) => configPath.Length == 0 ? 0 : configPath.Count(c => c == '/') + 1;

    private static bool Applies(string entryPath, string target) =>
        entryPath.Length == 0 || string.Equals(entryPath, target, StringComparison.OrdinalIgnoreCase)
        || target.StartsWith(entryPath + "/", StringComparison.OrdinalIgnoreCase);
}
