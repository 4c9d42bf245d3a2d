using System.Text;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// The edits that make one configuration export RegisterModule by name, for IISM4001's fix: a module-definition file
/// the project names but lacks is created; one that exists gets RegisterModule in its EXPORTS (the section added if it
/// has none); a .vcxproj configuration with no .def gets &lt;ModuleDefinitionFile&gt; in its own ItemDefinitionGroup
/// (in its &lt;Link&gt;, or a new one) and a .def beside the project. Whole lines are added, with the file's indentation
/// and newline; where the project's shape is not one a plain edit can keep, there is no repair.
/// </summary>
internal static class ExportRepairs
{
    private const string Entry = "    " + Contract.IisContract.RegisterModuleExportName;

    public static IReadOnlyList<TextEdit> For(string? defPath, bool defExists, bool defExportsIt, IReadOnlyList<string> linkerExports, SourceLocation anchor)
    {
        try
        {
            if (defExportsIt || linkerExports.Contains(Contract.IisContract.RegisterModuleExportName))
            {
                return [];
            }
            if (defPath is not null)
            {
                return defExists ? AddToDef(defPath) : [NewDef(defPath, NewLineOf(anchor.FilePath))];
            }
            return anchor.FilePath.EndsWith(".vcxproj", StringComparison.OrdinalIgnoreCase) ? WireNewDef(anchor) : [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static TextEdit NewDef(string path, string newLine) =>
        new(path, 1, 1, 1, 1, $"EXPORTS{newLine}{Entry}{newLine}", "") { CreatesFile = true };

    private static IReadOnlyList<TextEdit> AddToDef(string path)
    {
        var lines = Lines(path, out var newLine);
        var exports = lines.FindIndex(line => line.Split(';')[0].Trim().Equals("EXPORTS", StringComparison.OrdinalIgnoreCase));
        if (exports >= 0)
        {
            return [After(path, lines, exports, $"{Entry}{newLine}", newLine)];
        }
        return [After(path, lines, lines.Count - 1, $"EXPORTS{newLine}{Entry}{newLine}", newLine)];
    }

    /// <summary>An insertion of whole lines after line <paramref name="index"/> (0-based), also when it is the last and has no newline.</summary>
    private static TextEdit After(string path, List<string> lines, int index, string text, string newLine)
    {
        if (index + 1 < lines.Count)
        {
            return new TextEdit(path, index + 2, 1, index + 2, 1, text, "");
        }
        var column = lines[index].Length + 1;
        return new TextEdit(path, index + 1, column, index + 1, column, newLine + text.TrimEnd('\r', '\n'), "");
    }

    private static IReadOnlyList<TextEdit> WireNewDef(SourceLocation anchor)
    {
        var project = anchor.FilePath;
        var lines = Lines(project, out var newLine);
        var start = (anchor.Line ?? 0) - 1;
        if (start < 0 || start >= lines.Count || !lines[start].TrimStart().StartsWith("<ItemDefinitionGroup", StringComparison.Ordinal))
        {
            return [];
        }
        var end = lines.FindIndex(start, line => line.Contains("</ItemDefinitionGroup>", StringComparison.Ordinal));
        if (end <= start || lines[end].Trim() != "</ItemDefinitionGroup>")
        {
            return [];
        }
        var name = Path.GetFileNameWithoutExtension(project) + ".def";
        var def = Path.Combine(Path.GetDirectoryName(project)!, name);
        if (File.Exists(def) && !DefFile.NamedExports(def).Contains(Contract.IisContract.RegisterModuleExportName))
        {
            return []; // a .def of that name that does not export it: which one the project means is the user's call
        }
        var groupIndent = Indent(lines[start]);
        var childIndent = Enumerable.Range(start + 1, end - start - 1).Select(index => lines[index]).FirstOrDefault(line => line.Trim().Length > 0) is { } child
            ? Indent(child) : groupIndent + "  ";
        var step = childIndent.Length > groupIndent.Length ? childIndent[groupIndent.Length..] : "  ";
        var element = $"<ModuleDefinitionFile>{name}</ModuleDefinitionFile>";
        var linkStart = Enumerable.Range(start + 1, end - start - 1).FirstOrDefault(index => lines[index].Trim() == "<Link>", -1);
        var linkEnd = linkStart < 0 ? -1 : Enumerable.Range(linkStart + 1, end - linkStart - 1).FirstOrDefault(index => lines[index].Trim() == "</Link>", -1);
        TextEdit wiring;
        if (linkStart >= 0 && linkEnd > linkStart)
        {
            wiring = new TextEdit(project, linkEnd + 1, 1, linkEnd + 1, 1, $"{Indent(lines[linkStart])}{step}{element}{newLine}", "");
        }
        else if (Enumerable.Range(start + 1, end - start - 1).Any(index => lines[index].Contains("<Link", StringComparison.Ordinal)))
        {
            return []; // a <Link/> or a one-line <Link>…</Link>: not rewritten
        }
        else
        {
            wiring = new TextEdit(project, end + 1, 1, end + 1, 1,
                $"{childIndent}<Link>{newLine}{childIndent}{step}{element}{newLine}{childIndent}</Link>{newLine}", "");
        }
        return File.Exists(def) ? [wiring] : [wiring, NewDef(def, newLine)];
    }

    private static string Indent(string line) => line[..(line.Length - line.TrimStart(' ', '\t').Length)];

    private static string NewLineOf(string path)
    {
        try
        {
            Lines(path, out var newLine);
            return newLine;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return "\r\n";
        }
    }

    private static List<string> Lines(string path, out string newLine)
    {
        var text = Io.SourceEncoding.Decode(Io.SafeFile.ReadAllBytes(path, Io.SafeFile.MaxTextBytes)).Text;
        newLine = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        if (lines.Count > 1 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1); // the file ends with a newline: no line after it
        }
        return lines;
    }
}
