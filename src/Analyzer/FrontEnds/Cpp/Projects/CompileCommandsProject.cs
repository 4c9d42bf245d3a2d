using System.Text.Json;
using System.Text.RegularExpressions;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// Reads a compile_commands.json: each entry a translation unit with its own defines and include folders
/// (-D/-I or clang-cl's /D /I). Output, optimisation and warning flags are left out; the target is ours.
/// </summary>
public static partial class CompileCommandsProject
{
    [GeneratedRegex(@"""([^""]*)""|(\S+)")]
    private static partial Regex CommandToken();

    public static CppProject Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"not valid JSON: {exception.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("a compilation database is a JSON array of entries");
            }
            var units = new List<CompileUnit>();
            var platform = "x64";
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                var directory = entry.TryGetProperty("directory", out var dir) ? dir.GetString() ?? "" : Path.GetDirectoryName(path)!;
                var file = entry.GetProperty("file").GetString() ?? throw new InvalidDataException("an entry has no 'file'");
                var arguments = entry.TryGetProperty("arguments", out var list)
                    ? list.EnumerateArray().Select(argument => argument.GetString() ?? "").ToList()
                    : CommandToken().Matches(entry.GetProperty("command").GetString() ?? "").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();
                var defines = new List<string>();
                var includes = new List<string>();
                for (var i = 1; i < arguments.Count; i++)
                {
                    var argument = arguments[i];
                    string? Value(string prefix) =>
                        argument.Length > prefix.Length ? argument[prefix.Length..] : i + 1 < arguments.Count ? arguments[++i] : null;
                    if (argument.StartsWith("-D", StringComparison.Ordinal) || argument.StartsWith("/D", StringComparison.Ordinal))
                    {
                        defines.Add(Value(argument[..2])!);
                    }
                    else if (argument.StartsWith("-I", StringComparison.Ordinal) || argument.StartsWith("/I", StringComparison.Ordinal))
                    {
                        includes.Add(Path.GetFullPath(Value(argument[..2])!, directory));
                    }
                    else if (argument is "-m32" || argument.Contains("i686") || argument.Contains("i386"))
                    {
                        platform = "Win32";
                    }
                }
                units.Add(new CompileUnit(Path.GetFullPath(file, directory), defines, includes, []));
            }
            return new CppProject(path, platform, null, units, []);
        }
    }
}
