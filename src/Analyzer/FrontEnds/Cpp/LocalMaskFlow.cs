using IisModuleValidator.FrontEnds.Cpp.Clang;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>
/// The small local data flow for a mask held in a non-const local variable: its initializer and every '=' or '|='
/// before the call, each a constant, give the union of the bits it can hold. Anything else (a write computed at
/// run time, '&amp;=', its address taken) makes it unknown, with the reason: never a guess.
/// </summary>
internal sealed class LocalMaskFlow(SourceText text)
{
    public (uint? Mask, string? Reason, IReadOnlyList<string> Names) Resolve(Cursor variable, Cursor function, Cursor call)
    {
        var name = variable.Spelling;
        var definition = variable.Definition.IsNull ? variable : variable.Definition;
        if (definition.SemanticParent.Kind is not (CursorKind.FunctionDecl or CursorKind.CXXMethod))
        {
            return (null, $"'{name}' is not a local variable", []);
        }
        var initializer = definition.Children().LastOrDefault(child => child.Kind is not (CursorKind.TypeRef or CursorKind.ParmDecl));
        if (initializer.IsNull || initializer.Kind == 0)
        {
            return (null, $"'{name}' has no initializer", []);
        }
        if (initializer.EvaluateInteger() is not { } initial)
        {
            return (null, $"'{name}' is initialized with '{text.Of(initializer)}', computed at run time", []);
        }
        var mask = unchecked((uint)initial);
        var names = new List<string> { text.Of(initializer) };
        var callOffset = call.Location.Offset;
        foreach (var write in function.Descendants().Where(d => d.Location.Offset < callOffset))
        {
            if (write.Kind == CursorKind.UnaryOperator && text.Of(write).TrimStart().StartsWith('&') && RefersTo(write.Children().FirstOrDefault(), variable))
            {
                return (null, $"the address of '{name}' is taken", []);
            }
            if (write.Kind is not (CursorKind.BinaryOperator or CursorKind.CompoundAssignOperator) || write.Children() is not [var left, var right]
                || !RefersTo(left, variable))
            {
                continue;
            }
            var written = text.Of(write);
            var op = written[text.Of(left).Length..].TrimStart();
            var assignment = op.StartsWith("|=", StringComparison.Ordinal) ? "|=" : op.StartsWith('=') && !op.StartsWith("==", StringComparison.Ordinal) ? "=" : null;
            if (assignment is null)
            {
                if (write.Kind == CursorKind.CompoundAssignOperator)
                {
                    return (null, $"'{name}' is changed with '{written}'", []);
                }
                continue; // a comparison, not a write
            }
            if (right.EvaluateInteger() is not { } value)
            {
                return (null, $"'{name}' is assigned '{text.Of(right)}', computed at run time", []);
            }
            mask |= unchecked((uint)value);
            names.Add(text.Of(right));
        }
        return (mask, null, names);
    }

    private static bool RefersTo(Cursor expression, Cursor variable)
    {
        var unwrapped = expression.WithoutParentheses();
        return unwrapped.Kind == CursorKind.DeclRefExpr && unwrapped.Referenced.Usr == variable.Usr;
    }
}
