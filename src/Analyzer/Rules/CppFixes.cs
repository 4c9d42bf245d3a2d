using System.Text.RegularExpressions;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Rules;

/// <summary>
/// The mechanical fixes of C++ findings, made from what the front end recorded of the source (a mask argument as written,
/// where a class's definition can take a member). None is made where the source's shape is not one a plain edit can
/// keep: a mask built in a variable or a macro, a class whose closing brace shares its line.
/// </summary>
public static class CppFixes
{
    private static readonly Regex Term = new(@"^\s*\(?\s*([A-Za-z_]\w*|0[xX][0-9A-Fa-f]+|\d+)\s*\)?\s*$", RegexOptions.CultureInvariant);

    /// <summary>
    /// IISM2001: the handler added to the class definition with httpserv.h's signature, doing nothing and returning
    /// CONTINUE, so that IIS calls it instead of the base class's DebugBreak().
    /// </summary>
    public static Fix? AddHandler(ModuleClass moduleClass, string handler)
    {
        var layout = moduleClass.Base == ModuleBase.GlobalModule ? IisContract.CGlobalModule : IisContract.CHttpModule;
        if (moduleClass.InsertionPoint is not { } at || layout.Find(handler) is not { } method || (at.HandlerNamesWritten ?? []).Contains(handler))
        {
            return null; // written in the class already, in a branch this configuration does not compile: adding it would not build
        }
        var names = method.ParameterTypes.Select(ParameterName).ToList();
        var status = moduleClass.Base == ModuleBase.GlobalModule ? "GL_NOTIFICATION_CONTINUE" : "RQ_NOTIFICATION_CONTINUE";
        var (i, n) = (at.Indent, at.NewLine);
        var body = string.Concat(names.Select(name => $"{i}    UNREFERENCED_PARAMETER({name});{n}"));
        var label = at.PublicLabel is { } publicLabel ? $"{n}{publicLabel}" : "";
        var text = $"{label}{n}{i}{method.ReturnType} {handler}({Parameters(method.ParameterTypes, names)}) override{n}"
                   + $"{i}{{{n}{body}{i}    return {status};{n}{i}}}{n}";
        return new Fix($"Add {moduleClass.Name}::{handler}, returning {status}",
            [new TextEdit(at.FilePath, at.Line, at.Column, at.Line, at.Column, text, "")]);
    }

    /// <summary>
    /// IISM2004: the post mask without its bits that have no post event, keeping the expression's shape (its other
    /// terms, its separators); 0 when none is left. Only a mask written as constants joined by '|'.
    /// </summary>
    public static Fix? RemovePostBitsWithoutPostEvent(Registration registration)
    {
        if (registration.PostMaskSpan is not { } span || ConstantTerms(span) is not { } terms)
        {
            return null;
        }
        var kept = terms.Where(term => !NoPostEvent(Term.Match(term).Groups[1].Value)).ToList();
        if (kept.Count == terms.Length)
        {
            return null;
        }
        var separator = span.Text.Contains(" | ", StringComparison.Ordinal) ? " | " : "|";
        var text = kept.Count == 0 ? "0" : string.Join(separator, kept.Select(term => term.Trim()));
        var removed = string.Join(", ", terms.Except(kept).Select(term => term.Trim()));
        return new Fix($"Remove {removed} from the post mask", [Replace(span, text)]);
    }

    /// <summary>
    /// IISM2003, a choice: the handler's notification added to the mask of the class's one registration (the post mask
    /// for an OnPost handler), written as constants joined by '|' (a 0 is replaced). The other choice, deleting the
    /// handler, is the user's to make.
    /// </summary>
    public static Fix? RegisterHandler(IReadOnlyList<Registration> registrations, string constant, bool isPost)
    {
        if (registrations.Count != 1 || (isPost ? registrations[0].PostMaskSpan : registrations[0].MaskSpan) is not { } span || ConstantTerms(span) is null)
        {
            return null;
        }
        var registration = registrations[0];
        var separator = span.Text.Contains('|') && !span.Text.Contains(" | ", StringComparison.Ordinal) ? "|" : " | ";
        var text = Term.Match(span.Text).Groups[1].Value is "0" or "0x0" or "0x00000000" ? constant : span.Text.TrimEnd() + separator + constant;
        var mask = isPost ? "post mask" : registration.Kind == RegistrationKind.Global ? "global mask" : "request mask";
        return new Fix($"Register {constant} in the {mask} of {(registration.Kind == RegistrationKind.Global ? "SetGlobalNotifications" : "SetRequestNotifications")}",
            [Replace(span, text)], IsChoice: true);
    }

    /// <summary>
    /// IISM2002: the declarator corrected to the handler it was meant to be (its name, httpserv.h's parameter types with
    /// the parameter names as written, no const) and override added, in the class and in an out-of-line definition.
    /// </summary>
    public static Fix? CorrectSignature(Handler handler, VirtualMethod expected)
    {
        if (handler.DeclaratorSpan is not { } declaration)
        {
            return null;
        }
        var written = handler.Parameters.Count == expected.ParameterTypes.Count
            ? ParameterNames(declaration.Text)
            : null;
        var names = written is { } given && given.Count == expected.ParameterTypes.Count && given.All(name => name.Length > 0)
            ? given
            : [.. expected.ParameterTypes.Select(ParameterName)];
        var corrected = $"{expected.Name}({Parameters(expected.ParameterTypes, names)})";
        var edits = new List<TextEdit> { Replace(declaration, corrected + (handler.SaysOverride ? "" : " override")) };
        if (handler.DefinitionDeclaratorSpan is { } definition)
        {
            // Class::Name(...) const -> Class::Expected(...): the qualifier before the name is outside the region.
            edits.Add(Replace(definition, corrected));
        }
        return new Fix($"Declare {expected.Name} with {expected.ReturnType} {expected.Name}({string.Join(", ", expected.ParameterTypes)}) override", edits);
    }

    /// <summary>The terms of a one-line mask written as constants joined by '|', or null when it is written otherwise.</summary>
    private static string[]? ConstantTerms(SourceSpan span) =>
        !span.Text.Contains('\n') && span.Text.Split('|') is var terms && terms.All(term => Term.IsMatch(term)) ? terms : null;

    private static string Parameters(IEnumerable<string> types, IEnumerable<string> names) => string.Join(", ", types.Zip(names, (type, name) => $"{type} {name}"));

    private static TextEdit Replace(SourceSpan span, string text) => new(span.FilePath, span.StartLine, span.StartColumn, span.EndLine, span.EndColumn, text, span.Text);

    /// <summary>The parameter names a declarator writes, in order; an unnamed parameter is an empty name.</summary>
    private static List<string>? ParameterNames(string declarator)
    {
        var open = declarator.IndexOf('(');
        var close = declarator.LastIndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }
        var inside = declarator.Substring(open + 1, close - open - 1);
        if (inside.Contains('(') || inside.Contains('<'))
        {
            return null; // a function pointer or a template argument: not split by commas
        }
        return [.. inside.Split(',').Select(parameter => Regex.Match(parameter.Split('=')[0], @"([A-Za-z_]\w*)\s*$") is { Success: true } match
                                                             && !Regex.IsMatch(parameter.Split('=')[0].Trim(), @"^[A-Za-z_]\w*\s*\*?$") ? match.Groups[1].Value : "")];
    }

    private static bool NoPostEvent(string term) =>
        IisContract.RequestNotifications.FirstOrDefault(notification => notification.Constant == term) is { PostHandler: null };

    /// <summary>The parameter names httpserv.h's own declarations use.</summary>
    private static string ParameterName(string type) => type switch
    {
        "IHttpContext*" => "pHttpContext",
        "DWORD" => "dwNotification",
        "BOOL" => "fPostNotification",
        "IHttpCompletionInfo*" => "pCompletionInfo",
        _ => "pProvider",
    };
}
