using System.Text;

namespace IisModuleValidator.Reporting;

/// <summary>
/// Text that goes into one line of a line-oriented format (msbuild, text). File names and strings read from a DLL are
/// controlled by whoever made the input: a newline followed by '##vso[' or '::error::' would become a command to the
/// CI that reads the log. Control characters are written as escapes, and the two CI command prefixes are broken.
/// </summary>
public static class LogLine
{
    public static string Neutralize(string text)
    {
        var line = EscapeControls(text, keepLineBreaks: false);
        // Azure Pipelines reads '##vso[' anywhere in a line; GitHub Actions reads '::' at its start.
        line = line.Replace("##vso[", "##vso%5B", StringComparison.OrdinalIgnoreCase);
        return line.StartsWith("::", StringComparison.Ordinal) ? "./" + line : line;
    }

    /// <summary>Control characters (a TAB, an ESC that would recolour a terminal) written as escapes; line breaks too,
    /// unless the format encodes them itself (GitHub and Azure Pipelines commands percent-encode CR and LF).</summary>
    public static string EscapeControls(string text, bool keepLineBreaks)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var escape = c switch
            {
                '\n' or '\r' when keepLineBreaks => null,
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u0085' or '\u2028' or '\u2029' => $"\\u{(int)c:X4}",
                _ when char.IsControl(c) => $"\\x{(int)c:X2}",
                _ => null,
            };
            if (escape is null)
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append(escape);
        }
        return builder?.ToString() ?? text;
    }
}
