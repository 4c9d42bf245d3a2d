namespace IisModuleValidator.Model;

/// <summary>
/// The language-neutral picture of one module, as one front end saw it. Rules read only this.
/// Facts a front end could not see are empty lists or null, never guesses.
/// </summary>
public sealed record ModuleModel(
    string InputPath,
    EvidenceSource Evidence,
    ImageFacts? Image,
    IReadOnlyList<Registration> Registrations,
    IReadOnlyList<PriorityRegistration> Priorities,
    IReadOnlyList<ModuleClass> Classes)
{
    public static ModuleModel FromImage(string inputPath, ImageFacts image) =>
        new(inputPath, EvidenceSource.Binary, image, [], [], []);
}
