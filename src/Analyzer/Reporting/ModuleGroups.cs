using System.Text.Json;
using IisModuleValidator.Analysis;
using IisModuleValidator.Model;

namespace IisModuleValidator.Reporting;

/// <summary>
/// The distinct models of an input analyzed as several modules, each with the configurations or targets it stands
/// for: a project's Win32 and x64 configurations are parsed apart but mostly give one model, which is shown once.
/// </summary>
public static class ModuleGroups
{
    public sealed record Group(IReadOnlyList<string> For, ModuleModel Model);

    /// <summary>The groups in the order their first module was analyzed; empty where the input has one model.</summary>
    public static IReadOnlyList<Group> Of(AnalyzedInput input)
    {
        var groups = input.Modules
            .GroupBy(module => JsonSerializer.Serialize(module.Model, InspectJson.Options), StringComparer.Ordinal)
            .Select(group => new Group([.. group.SelectMany(module => module.Names)], group.First().Model))
            .ToList();
        return groups.Count > 1 ? groups : [];
    }
}
