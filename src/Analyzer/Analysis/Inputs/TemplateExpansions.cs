using IisModuleValidator.Io;
using IisModuleValidator.Model;

namespace IisModuleValidator.Analysis;

/// <summary>
/// The files a CMake tree's configure_file() expanded into a scratch folder, and the templates they came from: what is
/// reported points at the template, since the expansion is gone when the run ends. Expansion keeps lines, not columns
/// (a line's @VAR@ becomes other text), so a fix moves only where its lines read the same in both files.
/// </summary>
internal sealed class TemplateExpansions(IReadOnlyDictionary<string, string> templates)
{
    private readonly Dictionary<string, string[]?> _lines = new(StringComparer.Ordinal);

    public bool IsEmpty => templates.Count == 0;

    public Finding Moved(Finding finding) => IsEmpty ? finding : finding with
    {
        Location = finding.Location.InFileMoved(TemplateOf),
        Related = [.. finding.Related.Select(related => related with { Location = related.Location.InFileMoved(TemplateOf) })],
        Fixes = [.. finding.Fixes.Select(Moved).OfType<Fix>()],
    };

    public ModuleModel Moved(ModuleModel model) => IsEmpty ? model : model.WithFilesMoved(TemplateOf);

    /// <summary>The template an expansion came from; any other file is itself.</summary>
    private string TemplateOf(string file) => templates.GetValueOrDefault(file, file);

    /// <summary>The fix with its edits in the templates, or null where an edit's lines differ there (or cannot be read).</summary>
    private Fix? Moved(Fix fix)
    {
        var edits = new List<TextEdit>();
        foreach (var edit in fix.Edits)
        {
            if (!templates.TryGetValue(edit.FilePath, out var template))
            {
                edits.Add(edit);
                continue;
            }
            if (edit.CreatesFile || LinesOf(edit.FilePath) is not { } expanded || LinesOf(template) is not { } written
                || edit.EndLine > expanded.Length || edit.EndLine > written.Length
                || !expanded.AsSpan(edit.StartLine - 1, edit.EndLine - edit.StartLine + 1).SequenceEqual(written.AsSpan(edit.StartLine - 1, edit.EndLine - edit.StartLine + 1)))
            {
                return null;
            }
            edits.Add(edit with { FilePath = template });
        }
        return fix with { Edits = edits };
    }

    private string[]? LinesOf(string path)
    {
        if (!_lines.TryGetValue(path, out var lines))
        {
            try
            {
                lines = [.. SafeFile.ReadLines(path)];
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                lines = null;
            }
            _lines[path] = lines;
        }
        return lines;
    }
}
