using System.Text;

namespace IisModuleValidator.Analysis.Fixes;

/// <summary>A file's change as `diff -u` prints it (three lines of context), for --fix-dry-run.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Of(string path, string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        // Fixes touch a few lines: the common head and tail are cut before the line-by-line comparison.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }
        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail])
        {
            tail++;
        }
        var from = Math.Max(0, head - Context);
        var (oldEnd, newEnd) = (Math.Min(a.Length, a.Length - tail + Context), Math.Min(b.Length, b.Length - tail + Context));
        var text = new StringBuilder();
        text.Append("--- ").Append(path).Append('\n').Append("+++ ").Append(path).Append('\n');
        text.Append($"@@ -{from + 1},{oldEnd - from} +{from + 1},{newEnd - from} @@\n");
        for (var i = from; i < head; i++)
        {
            text.Append(' ').Append(a[i].TrimEnd('\r')).Append('\n');
        }
        for (var i = head; i < a.Length - tail; i++)
        {
            text.Append('-').Append(a[i].TrimEnd('\r')).Append('\n');
        }
        for (var i = head; i < b.Length - tail; i++)
        {
            text.Append('+').Append(b[i].TrimEnd('\r')).Append('\n');
        }
        for (var i = a.Length - tail; i < oldEnd; i++)
        {
            text.Append(' ').Append(a[i].TrimEnd('\r')).Append('\n');
        }
        return text.ToString();
    }
}
