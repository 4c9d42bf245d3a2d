using System.Text.Json;
using IisModuleValidator.FrontEnds.Binary;

namespace IisModuleValidator.Cli;

/// <summary>
/// iis-module-validator.json: what a team writes once for `check` (inputs, excludes, the expected architecture, rule
/// levels with patterns, fail-on, require-recovery), found in the run's folder or a folder above it, up to the
/// repository's top (the folder that holds .git). Command-line options override it; its paths are relative to its own
/// folder. Its shape is iis-module-validator.schema.json, shipped beside the tool; every property is checked here, and
/// every problem is named with its property, so that a typo fails the run instead of being ignored.
/// </summary>
public sealed record ConfigFile(
    string Path,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Exclude,
    string? ExpectArch,
    IReadOnlyList<(string Id, Catalog.RuleLevel Level)> Rules,
    string? FailOn,
    bool? RequireRecovery)
{
    public const string FileName = "iis-module-validator.json";
    public const string SchemaFileName = "iis-module-validator.schema.json";

    private const long MaxBytes = 1024 * 1024;

    private static readonly string[] Properties = ["$schema", "inputs", "exclude", "expectArch", "rules", "failOn", "requireRecovery"];

    public string Directory => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The configuration file of a run in <paramref name="directory"/>: there or above, not above the repository's top.</summary>
    public static string? Find(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
            if (System.IO.Directory.Exists(System.IO.Path.Combine(folder.FullName, ".git")) || File.Exists(System.IO.Path.Combine(folder.FullName, ".git")))
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>The file, or every problem with it (a missing or unreadable file, bad JSON, an unknown property, a bad value).</summary>
    public static (ConfigFile? Config, IReadOnlyList<string> Problems) Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Io.SafeFile.ReadAllText(path, MaxBytes),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 8 });
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return (null, [$"it cannot be read: {exception.Message}"]);
        }
        catch (JsonException exception)
        {
            return (null, [$"it is not JSON: {exception.Message}"]);
        }
        using (document)
        {
            var problems = new List<string>();
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, ["it is not a JSON object"]);
            }
            foreach (var property in root.EnumerateObject().Where(property => !Properties.Contains(property.Name, StringComparer.Ordinal)))
            {
                problems.Add($"'{property.Name}' is not a property of this file (known: {string.Join(", ", Properties.Skip(1))})");
            }
            var inputs = Strings(root, "inputs", problems);
            var exclude = Strings(root, "exclude", problems);
            var expectArch = OneOf(root, "expectArch", MachineNames.Expectable, problems);
            var failOn = OneOf(root, "failOn", ["error", "warning", "note", "none"], problems);
            bool? requireRecovery = null;
            if (root.TryGetProperty("requireRecovery", out var recovery))
            {
                if (recovery.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    requireRecovery = recovery.GetBoolean();
                }
                else
                {
                    problems.Add("'requireRecovery' must be true or false");
                }
            }
            // Patterns expanded to the catalog's ids, in the file's order (a later entry wins).
            var rules = new List<(string, Catalog.RuleLevel)>();
            if (root.TryGetProperty("rules", out var levels))
            {
                if (levels.ValueKind != JsonValueKind.Object)
                {
                    problems.Add("'rules' must be an object of rule ids or patterns and levels ({\"IISM6*\": \"none\"})");
                }
                else
                {
                    foreach (var rule in levels.EnumerateObject())
                    {
                        if (rule.Value.ValueKind != JsonValueKind.String)
                        {
                            problems.Add($"rules.{rule.Name} must be a level: none, note, warning or error");
                            continue;
                        }
                        var (settings, why) = RuleLevelSetting.Parse(rule.Name, rule.Value.GetString()!);
                        if (why is not null)
                        {
                            problems.Add($"rules.{rule.Name}: {why}");
                            continue;
                        }
                        rules.AddRange(settings);
                    }
                }
            }
            return problems.Count > 0
                ? (null, problems)
                : (new ConfigFile(System.IO.Path.GetFullPath(path), inputs, exclude, expectArch, rules, failOn, requireRecovery), []);
        }
    }

    private static List<string> Strings(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String || item.GetString()!.Trim().Length == 0))
        {
            problems.Add($"'{name}' must be an array of non-empty strings");
            return [];
        }
        return [.. value.EnumerateArray().Select(item => item.GetString()!.Trim())];
    }

    private static string? OneOf(JsonElement root, string name, IReadOnlyList<string> values, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String && values.FirstOrDefault(known => known.Equals(value.GetString(), StringComparison.OrdinalIgnoreCase)) is { } match)
        {
            return match;
        }
        problems.Add($"'{name}' must be one of {string.Join(", ", values)}");
        return null;
    }
}
