using IisModuleValidator.Model;

namespace IisModuleValidator.Analysis;

/// <summary>An input the run read (a binary, a project file, a folder of sources), and its model when it could be analyzed.</summary>
/// <param name="Sha256">The file's hash; null for a folder.</param>
public sealed record AnalyzedInput(string FullPath, string? Sha256, long Length, ModuleModel? Model)
{
    /// <summary>For an IIS configuration: what it wires together.</summary>
    public DeploymentModel? Deployment { get; init; }

    public bool WasAnalyzed => Model is not null || Deployment is not null;
}
