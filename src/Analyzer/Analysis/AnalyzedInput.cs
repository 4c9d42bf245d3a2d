using IisModuleValidator.Model;

namespace IisModuleValidator.Analysis;

/// <summary>An input the run read (a binary, a project file, a folder of sources), and its model when it could be analyzed.</summary>
/// <param name="Sha256">The file's hash; null for a folder.</param>
public sealed record AnalyzedInput(string FullPath, string? Sha256, long Length, ModuleModel? Model)
{
    /// <summary>
    /// Each module the input was analyzed as, where there are several: a CMake tree's targets, or a project's
    /// configurations parsed apart because their code differs in a module fact. <see cref="Model"/> is the first.
    /// </summary>
    public IReadOnlyList<AnalyzedModule> Modules { get; init; } = [];

    /// <summary>For an IIS configuration: what it wires together.</summary>
    public DeploymentModel? Deployment { get; init; }

    public bool WasAnalyzed => Model is not null || Deployment is not null;
}

/// <summary>One module of an input: the configurations or the target it stands for, and its model.</summary>
public sealed record AnalyzedModule(IReadOnlyList<string> Names, ModuleModel Model);
