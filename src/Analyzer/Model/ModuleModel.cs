namespace IisModuleValidator.Model;

/// <summary>
/// The language-neutral picture of one module, as one front end saw it. Rules read only this.
/// Facts a front end could not see are empty lists or null, never guesses.
/// </summary>
/// <param name="EntryPoints">RegisterModule functions as declared in source.</param>
/// <param name="CompletionCalls">Calls that resume a pending request (IHttpContext::IndicateCompletion, PostCompletion).</param>
/// <param name="Exports">How the project exports RegisterModule, per configuration; empty when no project was given.</param>
/// <param name="Managed">C# (NativeAOT) facts; null for C++ and binaries.</param>
/// <param name="SourcesIncomplete">Some sources did not compile cleanly: the absence of a fact proves nothing.</param>
public sealed record ModuleModel(
    string InputPath,
    EvidenceSource Evidence,
    ImageFacts? Image,
    IReadOnlyList<Registration> Registrations,
    IReadOnlyList<PriorityRegistration> Priorities,
    IReadOnlyList<ModuleClass> Classes,
    IReadOnlyList<EntryPoint> EntryPoints,
    IReadOnlyList<SourceLocation> CompletionCalls,
    IReadOnlyList<ExportConfiguration> Exports,
    ManagedFacts? Managed = null,
    bool SourcesIncomplete = false)
{
    public static ModuleModel FromImage(string inputPath, ImageFacts image) =>
        new(inputPath, EvidenceSource.Binary, image, [], [], [], [], [], []);

    public ModuleClass? FindClass(string? name) => name is null ? null : Classes.FirstOrDefault(candidate => candidate.Name == name);
}
