using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Model;

namespace IisModuleValidator.Reporting;

/// <summary>
/// `inspect --format json`: what the validator knows of each input, for tools that build on it (a module inventory, a
/// dashboard, an incident responder listing what a DLL hooks). The document is versioned (<see cref="Version"/>: a
/// property may be added within a version, none removed or changed); each input's model is the module model the rules
/// read (Model/*.cs: registrations with masks, priorities, classes and handlers, entry points, exports per
/// configuration, PE facts), in camelCase with enums as their names; facts a front end could not see are null or empty.
/// </summary>
public static class InspectJson
{
    public const int Version = 1;

    public sealed record Document(int Version, string Tool, string ToolVersion, IReadOnlyList<Input> Inputs);

    /// <param name="Path">As the text output shows it: relative to the base folder where it is inside it.</param>
    /// <param name="Modules">Where the input gives several models (a CMake tree's targets, a project's configurations
    /// whose code differs in a module fact), each with the configurations or targets it stands for; <paramref name="Model"/>
    /// is the first. Empty otherwise.</param>
    public sealed record Input(string Path, string FullPath, string? Sha256, long Length, ModuleModel? Model, IReadOnlyList<InputFinding> Findings,
        IReadOnlyList<ModuleGroups.Group> Modules);

    public sealed record InputFinding(string RuleId, string Level, string Message, SourceLocation Location, string? Suppressed);

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NewLine = "\n",
    };

    public static Document Of(AnalysisReport report) =>
        new(Version, ToolInfo.Name, ToolInfo.SemanticVersion, [.. report.Inputs.Select(input => new Input(
            PathDisplay.For(report.BaseDirectory, input.FullPath), input.FullPath, input.Sha256, input.Length, input.Model,
            [.. report.Findings.Where(finding => finding.InputPath == input.FullPath).Select(finding =>
                new InputFinding(finding.RuleId, finding.Level.ToWord(), finding.Message, finding.Location, finding.Suppression?.Justification))],
            ModuleGroups.Of(input)))]);

    public static string Write(AnalysisReport report) => JsonSerializer.Serialize(Of(report), Options) + "\n";

    public static Document Read(string json) => JsonSerializer.Deserialize<Document>(json, Options) ?? throw new JsonException("the document is empty");
}
