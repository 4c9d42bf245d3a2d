using System.Text.Json;
using System.Text.RegularExpressions;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// Reads a compile_commands.json: each entry a translation unit with its own defines and include folders
/// (-D/-I or clang-cl's /D /I). Output, optimisation and warning flags are left out; the target is ours. A bad entry
/// (no file, a NUL in a path, a flag missing its value) is a problem of that entry alone; the same file listed again
/// is parsed once; at most <see cref="MaxUnits"/> files are taken.
/// </summary>
public static partial class CompileCommandsProject
{
    public const int MaxUnits = 10_000;

    [GeneratedRegex(@"""([^""]*)""|(\S+)")]
    private static partial Regex CommandToken();

    public static CppProject Load(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(Io.SafeFile.ReadAllText(path), new JsonDocumentOptions { MaxDepth = 16 });
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
            var databaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            var units = new Dictionary<string, CompileUnit>(StringComparer.Ordinal);
            var order = new List<string>();
            var problems = new List<string>();
            var platform = "x64";
            int index = -1, duplicates = 0, overLimit = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                index++;
                try
                {
                    var (unit, isWin32) = Entry(entry, databaseDirectory, problems, index);
                    if (units.ContainsKey(unit.SourcePath))
                    {
                        duplicates++;
                        continue;
                    }
                    if (units.Count >= MaxUnits)
                    {
                        overLimit++;
                        continue;
                    }
                    units[unit.SourcePath] = unit;
                    order.Add(unit.SourcePath);
                    platform = isWin32 ? "Win32" : platform;
                }
                catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException or ArgumentException or KeyNotFoundException or FormatException)
                {
                    problems.Add($"entry {index}: {exception.Message}");
                }
            }
            if (duplicates > 0)
            {
                problems.Add($"{duplicates} more entries for files already listed were ignored (each file is parsed once, with its first entry)");
            }
            if (overLimit > 0)
            {
                problems.Add($"{overLimit} entries beyond the first {MaxUnits} files were not analyzed");
            }
            return new CppProject(path, platform, null, [.. order.Select(file => units[file])], [], problems);
        }
    }

    private static (CompileUnit Unit, bool IsWin32) Entry(JsonElement entry, string databaseDirectory, List<string> problems, int index)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException("not an object");
        }
        var directory = entry.TryGetProperty("directory", out var dir) && dir.ValueKind == JsonValueKind.String && dir.GetString() is { Length: > 0 } given
            ? Path.GetFullPath(CheckedPath(given, "directory"), databaseDirectory) // relative: against the database's folder
            : databaseDirectory;
        if (!entry.TryGetProperty("file", out var fileProperty) || fileProperty.ValueKind != JsonValueKind.String || fileProperty.GetString() is not { Length: > 0 } file)
        {
            throw new InvalidDataException("it has no 'file'");
        }
        var source = Path.GetFullPath(CheckedPath(file, "file"), directory);
        var arguments = entry.TryGetProperty("arguments", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(argument => argument.ValueKind == JsonValueKind.String ? argument.GetString() ?? "" : "").ToList()
            : entry.TryGetProperty("command", out var command) && command.ValueKind == JsonValueKind.String
                ? CommandToken().Matches(command.GetString() ?? "").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList()
                : throw new InvalidDataException("it has neither 'arguments' nor 'command'");
        var defines = new List<string>();
        var includes = new List<string>();
        var isWin32 = false;
        for (var i = 1; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            string? Value(string prefix) =>
                argument.Length > prefix.Length ? argument[prefix.Length..] : i + 1 < arguments.Count ? arguments[++i] : null;
            if (argument.StartsWith("-D", StringComparison.Ordinal) || argument.StartsWith("/D", StringComparison.Ordinal))
            {
                if (Value(argument[..2]) is { Length: > 0 } define && !define.Contains('\0'))
                {
                    defines.Add(define);
                }
                else
                {
                    problems.Add($"entry {index}: '{argument}' has no macro after it; ignored");
                }
            }
            else if (argument.StartsWith("-I", StringComparison.Ordinal) || argument.StartsWith("/I", StringComparison.Ordinal))
            {
                if (Value(argument[..2]) is { Length: > 0 } include && !include.Contains('\0'))
                {
                    includes.Add(Path.GetFullPath(include, directory));
                }
                else
                {
                    problems.Add($"entry {index}: '{argument}' has no folder after it; ignored");
                }
            }
            else if (argument is "-m32" || argument.Contains("i686") || argument.Contains("i386"))
            {
                isWin32 = true;
            }
        }
        return (new CompileUnit(source, defines, includes, []), isWin32);
    }

    private static string CheckedPath(string path, string what) =>
        path.Contains('\0') ? throw new InvalidDataException($"its '{what}' contains a NUL character") : path;
}
