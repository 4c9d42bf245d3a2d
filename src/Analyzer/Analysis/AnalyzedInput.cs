using IisModuleValidator.Model;

namespace IisModuleValidator.Analysis;

/// <summary>A file the run read: its hash and size, and its model when it could be analyzed.</summary>
public sealed record AnalyzedInput(string FullPath, string Sha256, long Length, ModuleModel? Model)
{
    public bool WasAnalyzed => Model is not null;
}
