using System.Globalization;
using System.Text.RegularExpressions;
using IisModuleValidator.Contract;

namespace IisModuleValidator.Tests.Contract;

/// <summary>
/// An independent reading of the real um/httpserv.h, used only to check IisContract against it: macros, enums
/// and the virtual methods of each class in declaration order (which is the MSVC vtable order).
/// </summary>
internal sealed partial class HttpServHeader
{
    private readonly string _text;

    public HttpServHeader(string path)
    {
        _text = File.ReadAllText(path).ReplaceLineEndings("\n");
    }

    [GeneratedRegex(@"^#define\s+((?:RQ|GL)_\w+)\s+0x([0-9A-Fa-f]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex BitDefine();

    [GeneratedRegex(@"^#define\s+(PRIORITY_ALIAS_\w+)\s+L""(\w+)""", RegexOptions.Multiline)]
    private static partial Regex AliasDefine();

    [GeneratedRegex(@"\b_[A-Z][A-Za-z0-9_]*_(\s*\([^()]*\))?")]
    private static partial Regex SalAnnotation();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"virtual\s+([^(;{}]*?)\s*\(([^)]*)\)\s*(const)?\s*(=\s*0\s*;|\{)", RegexOptions.Singleline)]
    private static partial Regex VirtualMethod();

    public IReadOnlyDictionary<string, uint> BitDefines() =>
        BitDefine().Matches(_text).ToDictionary(match => match.Groups[1].Value,
            match => uint.Parse(match.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    public IReadOnlyDictionary<string, string> PriorityAliases() =>
        AliasDefine().Matches(_text).ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value);

    public IReadOnlyList<EnumConstant> Enum(string name)
    {
        var match = Regex.Match(_text, @"enum\s+" + name + @"\s*\{([^}]*)\}");
        Assert.True(match.Success, $"httpserv.h has no enum {name}");
        var next = 0;
        var constants = new List<EnumConstant>();
        foreach (var entry in LineComment().Replace(match.Groups[1].Value, "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('=', StringSplitOptions.TrimEntries);
            next = parts.Length == 2 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : next;
            constants.Add(new EnumConstant(parts[0], next++));
        }
        return constants;
    }

    /// <summary>The raw text between the braces of class <paramref name="name"/> (its definition, not a forward declaration).</summary>
    public string ClassBody(string name)
    {
        var match = Regex.Match(_text, @"class\s+(?:__declspec\(uuid\(""[^""]*""\)\)\s*)?" + name + @"\b[^{;]*\{");
        Assert.True(match.Success, $"httpserv.h has no definition of class {name}");
        return _text.Substring(match.Index + match.Length, ClosingBrace(match.Index + match.Length) - (match.Index + match.Length));
    }

    /// <summary>The virtual methods a class declares itself, in order, with their default behaviour.</summary>
    public IReadOnlyList<(string Name, string ReturnType, IReadOnlyList<string> Parameters, DefaultBehavior Default)> VirtualMethods(string className)
    {
        var body = SalAnnotation().Replace(LineComment().Replace(ClassBody(className), ""), "");
        var methods = new List<(string, string, IReadOnlyList<string>, DefaultBehavior)>();
        foreach (Match match in VirtualMethod().Matches(body))
        {
            var head = match.Groups[1].Value.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
            var name = head[^1];
            var returnType = string.Concat(head[..^1]);
            var parameters = match.Groups[2].Value.Trim() is "VOID" or "" ? [] : match.Groups[2].Value.Split(',').Select(ParameterType).ToList();
            DefaultBehavior behavior;
            if (match.Groups[4].Value.StartsWith('='))
            {
                behavior = DefaultBehavior.PureVirtual;
            }
            else
            {
                var start = match.Index + match.Length;
                var implementation = body[start..ClosingBrace(start, body)];
                behavior = implementation.Contains("DebugBreak()") ? DefaultBehavior.DebugBreak
                    : implementation.Contains("delete this") ? DefaultBehavior.DeleteThis
                    : string.IsNullOrWhiteSpace(implementation) ? DefaultBehavior.Empty
                    : throw new InvalidOperationException($"{className}::{name} has a default body this reader does not classify");
            }
            methods.Add((name, returnType, parameters, behavior));
        }
        return methods;
    }

    /// <summary>Pairs each "// RQ_..." comment in CHttpModule with the name of the virtual method right after it.</summary>
    public IReadOnlyList<(string Constant, string Method)> CommentedHandlers(string className)
    {
        var body = ClassBody(className);
        return Regex.Matches(body, @"//\s*((?:RQ|GL)_[A-Z_]+)\s*\n\s*virtual\s+\w+\s+(\w+)\s*\(")
            .Select(match => (match.Groups[1].Value, match.Groups[2].Value))
            .ToList();
    }

    private static string ParameterType(string parameter)
    {
        var tokens = parameter.Replace("*", " * ").Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(tokens[..^1]); // the last token is the parameter's name
    }

    private int ClosingBrace(int openPlusOne) => ClosingBrace(openPlusOne, _text);

    private static int ClosingBrace(int openPlusOne, string text)
    {
        var depth = 1;
        for (var i = openPlusOne; i < text.Length; i++)
        {
            depth += text[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }
        throw new InvalidOperationException("unbalanced braces in httpserv.h");
    }
}
