namespace IisModuleValidator.Io;

/// <summary>
/// How deep brackets nest in a source, by a linear scan that skips comments, strings and character literals. Real
/// code nests a few dozen levels; a file nesting thousands deep is built to exhaust a parser (Roslyn takes seconds on
/// 10,000 parentheses and recurses once per level), so front ends refuse it before parsing.
/// </summary>
public static class NestingDepth
{
    public const int Max = 1000;

    public static int Of(string text)
    {
        int depth = 0, deepest = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '/' when i + 1 < text.Length && text[i + 1] == '/':
                    i = text.IndexOf('\n', i) is var end && end < 0 ? text.Length : end;
                    break;
                case '/' when i + 1 < text.Length && text[i + 1] == '*':
                    i = text.IndexOf("*/", i + 2, StringComparison.Ordinal) is var close && close < 0 ? text.Length : close + 1;
                    break;
                case '"' or '\'':
                    for (i++; i < text.Length && text[i] != c && text[i] != '\n'; i++)
                    {
                        if (text[i] == '\\')
                        {
                            i++;
                        }
                    }
                    break;
                case '(' or '[' or '{':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
        return deepest;
    }
}
