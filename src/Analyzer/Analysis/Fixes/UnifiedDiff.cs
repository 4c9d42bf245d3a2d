using System.Text;

namespace IisModuleValidator.Analysis.Fixes;

/// <summary>A file's change as `diff -u` prints it (hunks with three lines of context), for --fix-dry-run.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    /// <param name="before">Empty for a file the fix creates.</param>
    public static string Of(string path, string before, string after)
    {
        var a = Lines(before);
        var b = Lines(after);
        var text = new StringBuilder();
        text.Append("--- ").Append(before.Length == 0 ? "/dev/null" : path).Append('\n').Append("+++ ").Append(path).Append('\n');
        var script = Script(a, b);
        // Hunks: runs of changes, each with its context, merged where their contexts meet.
        var changed = script.Select((step, index) => (step, index)).Where(item => item.step.Kind != ' ').Select(item => item.index).ToList();
        var hunk = 0;
        while (hunk < changed.Count)
        {
            var first = Math.Max(0, changed[hunk] - Context);
            var last = changed[hunk];
            while (hunk + 1 < changed.Count && changed[hunk + 1] - last <= 2 * Context)
            {
                last = changed[++hunk];
            }
            last = Math.Min(script.Count - 1, last + Context);
            hunk++;
            var steps = script.GetRange(first, last - first + 1);
            var oldStart = script.Take(first).Count(step => step.Kind != '+');
            var newStart = script.Take(first).Count(step => step.Kind != '-');
            var oldCount = steps.Count(step => step.Kind != '+');
            var newCount = steps.Count(step => step.Kind != '-');
            text.Append($"@@ -{(oldCount == 0 ? oldStart : oldStart + 1)},{oldCount} +{(newCount == 0 ? newStart : newStart + 1)},{newCount} @@\n");
            foreach (var (kind, line) in steps)
            {
                text.Append(kind).Append(line).Append('\n');
            }
        }
        return text.ToString();
    }

    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        if (lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    /// <summary>The edit script: the common head and tail kept, the middle (a fix's few lines) by longest common subsequence.</summary>
    private static List<(char Kind, string Line)> Script(List<string> a, List<string> b)
    {
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }
        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }
        var (m, n) = (a.Count - head - tail, b.Count - head - tail);
        var script = a.Take(head).Select(line => (' ', line)).ToList();
        if ((long)m * n > 4_000_000)
        {
            script.AddRange(a.Skip(head).Take(m).Select(line => ('-', line)));
            script.AddRange(b.Skip(head).Take(n).Select(line => ('+', line)));
        }
        else
        {
            var lengths = new int[m + 1, n + 1];
            for (var i = m - 1; i >= 0; i--)
            {
                for (var j = n - 1; j >= 0; j--)
                {
                    lengths[i, j] = a[head + i] == b[head + j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
                }
            }
            var (x, y) = (0, 0);
            while (x < m || y < n)
            {
                if (x < m && y < n && a[head + x] == b[head + y])
                {
                    script.Add((' ', a[head + x++]));
                    y++;
                }
                else if (x < m && (y == n || lengths[x + 1, y] >= lengths[x, y + 1]))
                {
                    script.Add(('-', a[head + x++])); // removals first, as diff prints them
                }
                else
                {
                    script.Add(('+', b[head + y++]));
                }
            }
        }
        script.AddRange(a.Skip(a.Count - tail).Select(line => (' ', line)));
        return script;
    }
}
