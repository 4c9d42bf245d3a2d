using IisModuleValidator.Model;

namespace IisModuleValidator.Rules.Deployment;

/// <summary>
/// The preCondition tokens IIS defines for modules and global modules, and which pools they admit. Source: "ModuleAction
/// Class" and "GlobalModuleElement Class" of the IIS WMI provider reference (learn.microsoft.com/iis/wmi-provider):
/// bitness32, bitness64 (64-bit Windows only), integratedMode, ISAPIMode (mutually exclusive), runtimeVersionvX.Y,
/// managedHandler. A pool's worker processes are 32-bit when its enable32BitAppOnWin64 is true ("applicationPools
/// add", learn.microsoft.com/iis/configuration/system.applicationhost/applicationpools/add).
/// </summary>
public static class PreConditions
{
    public static IEnumerable<string> Tokens(string? preCondition) =>
        (preCondition ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static bool IsDefined(string token) =>
        token is "bitness32" or "bitness64" or "integratedMode" or "ISAPIMode" or "managedHandler"
        || token.StartsWith("runtimeVersionv", StringComparison.Ordinal) && Version.TryParse(token["runtimeVersionv".Length..], out _);

    /// <summary>Whether a pool's worker processes load a module with this preCondition (managedHandler is per request).</summary>
    public static bool Admits(string? preCondition, AppPool pool) => Tokens(preCondition).All(token => token switch
    {
        "bitness32" => pool.Enable32BitAppOnWin64,
        "bitness64" => !pool.Enable32BitAppOnWin64,
        "integratedMode" => string.Equals(pool.ManagedPipelineMode, "Integrated", StringComparison.OrdinalIgnoreCase),
        "ISAPIMode" => string.Equals(pool.ManagedPipelineMode, "Classic", StringComparison.OrdinalIgnoreCase),
        _ when token.StartsWith("runtimeVersion", StringComparison.Ordinal) => string.Equals(token["runtimeVersion".Length..], pool.ManagedRuntimeVersion, StringComparison.OrdinalIgnoreCase),
        _ => true,
    });

    /// <summary>The pools that start worker processes: those an application runs in (all of them when no site names one).</summary>
    public static IReadOnlyList<AppPool> Running(DeploymentModel model)
    {
        var used = model.Applications.Select(application => application.AppPool).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var running = model.Pools.Where(pool => used.Contains(pool.Name)).ToList();
        return running.Count > 0 ? running : model.Pools;
    }
}
