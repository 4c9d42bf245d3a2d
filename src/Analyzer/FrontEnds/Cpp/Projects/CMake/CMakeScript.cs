using System.Text;

namespace IisModuleValidator.FrontEnds.Cpp.Projects.CMake;

/// <summary>One command invocation of a CMake script, its arguments as written (quoted ones are never split on ';').</summary>
internal sealed record CMakeCommand(string Name, IReadOnlyList<(string Text, bool Quoted)> Arguments, int Line);

/// <summary>
/// Splits a CMakeLists.txt into its commands (the CMake language's lexical rules: line and bracket comments, quoted,
/// bracket and unquoted arguments). Nothing is run: the validator reads a project, never configures it, since
/// configuring an attacker's CMakeLists.txt runs its execute_process() and file(WRITE).
/// </summary>
internal static class CMakeScript
{
    public const int MaxCommands = 20_000;

    /// <param name="truncated">Set when the text holds more than <see cref="MaxCommands"/> commands: the rest is not read.</param>
    public static IReadOnlyList<CMakeCommand> Parse(string text, out bool truncated)
    {
        var commands = new List<CMakeCommand>();
        var (i, line) = (0, 1);
        while (i < text.Length && commands.Count < MaxCommands)
        {
            var c = text[i];
            if (SkipSpace(text, ref i, ref line))
            {
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                var name = text[start..i].ToLowerInvariant();
                var at = line;
                while (i < text.Length && text[i] is ' ' or '\t')
                {
                    i++;
                }
                if (i >= text.Length || text[i] != '(')
                {
                    continue; // not a command: skipped, as CMake would refuse it
                }
                commands.Add(new CMakeCommand(name, Arguments(text, ref i, ref line), at));
            }
            else
            {
                i++;
            }
        }
        truncated = commands.Count >= MaxCommands && text.AsSpan(i).IndexOfAnyExcept(" \t\r\n") >= 0;
        return commands;
    }

    /// <summary>Steps over one whitespace character or one comment at <paramref name="i"/>, counting lines; false when neither is there.</summary>
    private static bool SkipSpace(string text, ref int i, ref int line)
    {
        var c = text[i];
        if (c == '#')
        {
            i = SkipComment(text, i, ref line);
            return true;
        }
        if (!char.IsWhiteSpace(c))
        {
            return false;
        }
        line += c == '\n' ? 1 : 0;
        i++;
        return true;
    }

    private static int SkipComment(string text, int i, ref int line)
    {
        if (BracketOpen(text, i + 1) is { } equals)
        {
            var close = "]" + new string('=', equals) + "]";
            var end = text.IndexOf(close, i, StringComparison.Ordinal);
            var stop = end < 0 ? text.Length : end + close.Length;
            line += text.AsSpan(i, stop - i).Count('\n');
            return stop;
        }
        while (i < text.Length && text[i] != '\n')
        {
            i++;
        }
        return i;
    }

    /// <summary>The number of '=' of a bracket opening "[==[" at <paramref name="i"/>, or null.</summary>
    private static int? BracketOpen(string text, int i)
    {
        if (i >= text.Length || text[i] != '[')
        {
            return null;
        }
        var j = i + 1;
        while (j < text.Length && text[j] == '=')
        {
            j++;
        }
        return j < text.Length && text[j] == '[' ? j - i - 1 : null;
    }

    private static List<(string, bool)> Arguments(string text, ref int i, ref int line)
    {
        var arguments = new List<(string, bool)>();
        i++; // '('
        var depth = 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (SkipSpace(text, ref i, ref line))
            {
                continue;
            }
            if (c == ')')
            {
                i++;
                if (--depth == 0)
                {
                    return arguments;
                }
            }
            else if (c == '(')
            {
                depth++;
                i++;
            }
            else if (c == '"')
            {
                var value = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                        value.Append(text[i] switch { 'n' => '\n', 't' => '\t', ';' => ';', _ => text[i] });
                    }
                    else
                    {
                        if (text[i] == '\n')
                        {
                            line++;
                        }
                        value.Append(text[i]);
                    }
                    i++;
                }
                i++;
                arguments.Add((value.ToString(), true));
            }
            else if (BracketOpen(text, i) is { } equals)
            {
                var open = i + equals + 2;
                var close = "]" + new string('=', equals) + "]";
                var end = text.IndexOf(close, open, StringComparison.Ordinal);
                var stop = end < 0 ? text.Length : end;
                arguments.Add((text[open..stop].TrimStart('\n'), true));
                line += text.AsSpan(i, stop - i).Count('\n');
                i = Math.Min(text.Length, stop + close.Length);
            }
            else
            {
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')' and not '"' and not '#')
                {
                    i += text[i] == '\\' && i + 1 < text.Length ? 2 : 1;
                }
                arguments.Add((text[start..i], false));
            }
        }
        return arguments;
    }
}
