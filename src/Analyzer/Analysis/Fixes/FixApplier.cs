using System.Text;
using IisModuleValidator.Io;
using IisModuleValidator.Model;

namespace IisModuleValidator.Analysis.Fixes;

/// <summary>What applying fixes did: each file's text before and after, and the fixes left alone, with why.</summary>
public sealed record FixOutcome(IReadOnlyList<(string File, string Before, string After)> Changes, IReadOnlyList<string> Skipped, int Applied);

/// <summary>
/// Applies the fixes of a run's findings that need no choice (check --fix), or only says what they would change
/// (--fix-dry-run). A file keeps its encoding (UTF-16 stays UTF-16, with its byte-order mark), its line endings and its
/// indentation (the edits carry them). An edit applies only where the file still holds what the fix was made from, so a
/// second run changes nothing and a file edited meanwhile is left alone; only regular files are edited, written whole
/// or not at all, with their permissions.
/// </summary>
public static class FixApplier
{
    public static FixOutcome Apply(IEnumerable<Finding> findings, bool write)
    {
        var fixes = findings.Where(finding => !finding.IsSuppressed).SelectMany(finding => finding.Fixes).Where(fix => !fix.IsChoice).ToList();
        // One mask's fix rides on each of its findings: the same edit counts once.
        var edits = fixes.SelectMany(fix => fix.Edits).Distinct().ToList();
        var changes = new List<(string, string, string)>();
        var skipped = new List<string>();
        var applied = 0;
        foreach (var file in edits.GroupBy(edit => edit.FilePath, StringComparer.Ordinal).OrderBy(group => group.Key, StringComparer.Ordinal))
        {
            if (file.All(edit => edit.CreatesFile))
            {
                // A new file (a .def): written where nothing is, never over a file or a link.
                var created = file.First();
                if (FileStatus.KindOf(file.Key) != FileKind.Missing || new FileInfo(file.Key).LinkTarget is not null)
                {
                    skipped.Add($"{file.Key}: already exists, not created");
                    continue;
                }
                applied++;
                changes.Add((file.Key, "", created.Text));
                if (write)
                {
                    AtomicFile.Replace(file.Key, temporary => File.WriteAllText(temporary, created.Text));
                }
                continue;
            }
            if (FileStatus.KindOf(file.Key) != FileKind.RegularFile || new FileInfo(file.Key).LinkTarget is not null)
            {
                skipped.Add($"{file.Key}: not a regular file, not edited");
                continue;
            }
            byte[] bytes;
            try
            {
                bytes = SafeFile.ReadAllBytes(file.Key, SafeFile.MaxTextBytes);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                skipped.Add($"{file.Key}: cannot be read ({exception.Message}), not edited");
                continue;
            }
            var before = SourceEncoding.Decode(bytes).Text;
            var lines = LineStarts(before);
            var placed = new List<(int Start, int End, int Order, TextEdit Edit)>();
            foreach (var (edit, order) in file.Select((edit, order) => (edit, order)))
            {
                var (start, end) = (Offset(before, lines, edit.StartLine, edit.StartColumn), Offset(before, lines, edit.EndLine, edit.EndColumn));
                if (start is null || end is null || end < start || before[start.Value..end.Value] != edit.Expected)
                {
                    skipped.Add($"{file.Key}:{edit.StartLine}: the file no longer holds what the fix was made from, left alone");
                    continue;
                }
                if (placed.Any(other => start < other.End && other.Start < end))
                {
                    skipped.Add($"{file.Key}:{edit.StartLine}: overlaps another fix, left for the next run");
                    continue;
                }
                placed.Add((start.Value, end.Value, order, edit));
            }
            if (placed.Count == 0)
            {
                continue;
            }
            var after = new StringBuilder(before);
            // From the end, so that earlier offsets hold; insertions at one place keep the findings' order.
            foreach (var (start, end, _, edit) in placed.OrderByDescending(edit => edit.Start).ThenByDescending(edit => edit.Order))
            {
                after.Remove(start, end - start).Insert(start, edit.Text);
            }
            applied += placed.Count;
            changes.Add((file.Key, before, after.ToString()));
            if (write)
            {
                var mode = OperatingSystem.IsWindows() ? (UnixFileMode?)null : File.GetUnixFileMode(file.Key);
                var encoded = SourceEncoding.EncodeLike(after.ToString(), bytes);
                AtomicFile.Replace(file.Key, temporary =>
                {
                    File.WriteAllBytes(temporary, encoded);
                    if (mode is { } keep && !OperatingSystem.IsWindows())
                    {
                        File.SetUnixFileMode(temporary, keep);
                    }
                });
            }
        }
        return new FixOutcome(changes, skipped, applied);
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }
        return starts;
    }

    /// <summary>The index in the text of a line and a column counted in UTF-16 code units; null past the line's end.</summary>
    private static int? Offset(string text, List<int> lineStarts, int line, int column)
    {
        if (line < 1 || line > lineStarts.Count || column < 1)
        {
            return null;
        }
        var lineStart = lineStarts[line - 1];
        var lineEnd = text.IndexOf('\n', lineStart) is var newline and >= 0 ? newline : text.Length;
        var index = lineStart + column - 1;
        return index <= lineEnd ? index : null;
    }
}
