using System.Text.RegularExpressions;
using IisModuleValidator.FrontEnds.Cpp.Clang;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>
/// Walks one translation unit's own code (not the SDK's system headers) and records classes, methods, return
/// statements, Set*Notifications calls and RegisterModule definitions into <see cref="CppFacts"/>.
/// </summary>
internal sealed partial class TranslationUnitCollector(CppFacts facts, SourceText text)
{
    private static readonly HashSet<string> RegistrationInterfaces = ["IHttpModuleRegistrationInfo", "IHttpModuleRegistrationInfo2"];
    private static readonly HashSet<string> CompletionMethods = ["IndicateCompletion", "PostCompletion"];

    [GeneratedRegex(@"\b(?:RQ|GL)_[A-Z_]+\b")]
    private static partial Regex NotificationConstant();

    /// <summary>The function whose body is being walked.</summary>
    private sealed record FunctionScope(Cursor Function, MethodFact? Method);

    public void Collect(Cursor root)
    {
        // The SDK's declarations are most of a translation unit: skip them before asking for file names.
        foreach (var child in root.Children())
        {
            if (!child.IsInSystemHeader && child.Location.File.Length > 0)
            {
                Walk(child, null);
            }
        }
    }

    private void Walk(Cursor cursor, FunctionScope? scope)
    {
        switch (cursor.Kind)
        {
            case CursorKind.ClassDecl or CursorKind.StructDecl when cursor.IsDefinition:
                RecordClass(cursor);
                break;
            case CursorKind.CXXMethod:
                scope = new FunctionScope(cursor, RecordMethod(cursor));
                break;
            case CursorKind.Constructor or CursorKind.Destructor or CursorKind.FunctionDecl:
                if (cursor.Kind == CursorKind.FunctionDecl && cursor.Spelling == Contract.IisContract.RegisterModuleExportName)
                {
                    RecordEntryPoint(cursor);
                }
                scope = new FunctionScope(cursor, null);
                break;
            case CursorKind.CallExpr when scope is not null:
                RecordCall(cursor, scope);
                break;
            case CursorKind.CXXNewExpr when scope?.Method is { } method:
                if (ClassOf(cursor.Type) is { } created)
                {
                    method.NewedClasses.Add(created);
                }
                break;
            case CursorKind.ReturnStmt when scope?.Method is { } method:
                RecordReturn(cursor, method);
                break;
        }
        foreach (var child in cursor.Children())
        {
            Walk(child, scope);
        }
    }

    private void RecordClass(Cursor cursor)
    {
        var usr = cursor.Usr;
        if (facts.Classes.ContainsKey(usr))
        {
            return;
        }
        var bases = cursor.Children()
            .Where(child => child.Kind == CursorKind.CXXBaseSpecifier)
            .Select(child => Cursor.DeclarationOf(child.Type).Canonical)
            .Where(declaration => !declaration.IsNull)
            .Select(declaration => (declaration.Usr, QualifiedName(declaration)))
            .ToList();
        facts.Classes[usr] = new ClassFact(usr, QualifiedName(cursor), bases, Locate(cursor), cursor.IsInvalidDeclaration,
            cursor.IsDefinition && !cursor.Location.InSystemHeader ? text.InsertionPoint(cursor) : null);
    }

    private MethodFact RecordMethod(Cursor cursor)
    {
        var parent = cursor.SemanticParent;
        var method = facts.Method(cursor.Usr, cursor.Spelling, parent.Usr);
        method.Parameters = cursor.Children()
            .Where(child => child.Kind == CursorKind.ParmDecl)
            .Select(parameter => new ParameterType(parameter.TypeSpelling, Normalize(parameter.CanonicalTypeSpelling)))
            .ToList();
        method.IsConst = cursor.IsConstMethod;
        var overridden = cursor.Overridden;
        if (overridden.Count > 0)
        {
            method.Overrides = [.. overridden.Select(o => $"{QualifiedName(o.SemanticParent)}::{o.Spelling}")];
        }
        // The in-class declaration names the handler; an out-of-line definition only adds its body.
        if (method.Declaration is null || cursor.SemanticParent.Kind is CursorKind.ClassDecl or CursorKind.StructDecl && !IsOutOfLine(cursor))
        {
            method.Declaration ??= Locate(cursor);
        }
        if (!cursor.Location.InSystemHeader)
        {
            if (IsOutOfLine(cursor))
            {
                method.DefinitionDeclaratorSpan ??= text.Declarator(cursor);
            }
            else
            {
                method.DeclaratorSpan ??= text.Declarator(cursor);
                method.SaysOverride |= cursor.Children().Any(child => child.Kind is CursorKind.CXXOverrideAttr or CursorKind.CXXFinalAttr);
            }
        }
        if (cursor.IsDefinition)
        {
            method.HasBody = true;
        }
        return method;
    }

    private static bool IsOutOfLine(Cursor cursor)
    {
        var lexical = cursor.Location;
        var parentExtent = cursor.SemanticParent.Extent;
        return lexical.File != parentExtent.Start.File || lexical.Offset < parentExtent.Start.Offset || lexical.Offset > parentExtent.End.Offset;
    }

    private void RecordEntryPoint(Cursor cursor)
    {
        if (!cursor.IsDefinition && facts.EntryPoints.Any(entry => entry.Name == cursor.Spelling))
        {
            return;
        }
        var parameters = cursor.Children()
            .Where(child => child.Kind == CursorKind.ParmDecl)
            .Select(parameter => new ParameterType(parameter.TypeSpelling, Normalize(parameter.CanonicalTypeSpelling)))
            .ToList();
        var entry = new EntryPoint(
            cursor.Spelling,
            HasCLinkage: !cursor.Usr.Contains('#'), // C++ USRs encode parameter types after '#'; extern "C" ones do not
            CallingConvention: DeclaredCallingConvention(cursor),
            IsDllExport: cursor.Children().Any(child => child.Kind == CursorKind.DllExport),
            ReturnType: Cursor.Spell(cursor.ResultType),
            parameters,
            Locate(cursor),
            // A parameter whose type clang could not resolve reads as 'int': the declaration, not the module, is wrong.
            IsInvalid: cursor.IsInvalidDeclaration || cursor.Children().Any(child => child.Kind == CursorKind.ParmDecl && child.IsInvalidDeclaration));
        facts.EntryPoints.RemoveAll(existing => existing.Location == entry.Location);
        facts.EntryPoints.Add(entry);
    }

    /// <summary>The convention as declared (x64 compilers ignore __stdcall, but the x86 build of the same source does not).</summary>
    private string DeclaredCallingConvention(Cursor function)
    {
        var declaration = text.Of(function);
        var head = declaration[..Math.Max(0, declaration.IndexOf(function.Spelling, StringComparison.Ordinal))];
        return Regex.IsMatch(head, @"\b(WINAPI|__stdcall|_stdcall|CALLBACK|APIENTRY|STDAPICALLTYPE|STDMETHODCALLTYPE)\b") ? "stdcall"
            : Regex.IsMatch(head, @"\b(__fastcall|__vectorcall)\b") ? "fastcall"
            : "cdecl";
    }

    private void RecordCall(Cursor call, FunctionScope scope)
    {
        var callee = call.Referenced;
        if (callee.IsNull || callee.Kind != CursorKind.CXXMethod)
        {
            return;
        }
        var name = callee.Spelling;
        var owner = callee.SemanticParent.Spelling;
        if (CompletionMethods.Contains(name) && owner.StartsWith("IHttpContext", StringComparison.Ordinal))
        {
            facts.CompletionCalls.Add(Locate(call));
            return;
        }
        if (name == "AllocateMemory" && owner == "IModuleAllocator" && scope.Method is { } method)
        {
            method.CallsModuleAllocator = true;
            return;
        }
        if (!RegistrationInterfaces.Contains(owner) || !Enum.TryParse<RegistrationCallKind>(name, out var kind) || call.ArgumentCount < 2)
        {
            return;
        }
        var location = Locate(call);
        switch (kind)
        {
            case RegistrationCallKind.SetRequestNotifications when call.ArgumentCount >= 3:
                facts.RegistrationCalls.Add(new RegistrationCallFact(kind, MostDerivedClass(call.Argument(0), "IHttpModuleFactory"),
                    Mask(call.Argument(1), scope, call), Mask(call.Argument(2), scope, call), null, location, text.Span(call.Argument(2)), text.Span(call.Argument(1))));
                break;
            case RegistrationCallKind.SetGlobalNotifications:
                facts.RegistrationCalls.Add(new RegistrationCallFact(kind, MostDerivedClass(call.Argument(0), "CGlobalModule"),
                    Mask(call.Argument(1), scope, call), MaskValue.Known(0), null, location, FirstSpan: text.Span(call.Argument(1))));
                break;
            default:
                facts.RegistrationCalls.Add(new RegistrationCallFact(kind, null, Mask(call.Argument(0), scope, call), MaskValue.Known(0),
                    PriorityAlias(call.Argument(1)), location));
                break;
        }
    }

    private void RecordReturn(Cursor statement, MethodFact method)
    {
        if (statement.Children() is not [var expression, ..])
        {
            return; // "return;" in a void method
        }
        method.Returns.Add(new ReturnFact(text.Of(expression).Trim(), expression.EvaluateInteger(), ConvertedFrom(expression), Locate(statement)));
    }

    /// <summary>For an explicit cast, the type of the operand when it differs from the cast's own type.</summary>
    private static string? ConvertedFrom(Cursor expression)
    {
        var cursor = expression.WithoutParentheses();
        if (cursor.Kind is not (CursorKind.CStyleCastExpr or CursorKind.CXXStaticCastExpr or CursorKind.CXXFunctionalCastExpr or CursorKind.CXXReinterpretCastExpr))
        {
            return null;
        }
        var operand = cursor.Children().LastOrDefault();
        var from = Normalize(Cursor.Spell(Cursor.CanonicalOf(operand.Type)));
        var to = Normalize(Cursor.Spell(Cursor.CanonicalOf(cursor.Type)));
        return from == to ? null : from;
    }

    /// <summary>The value of a mask argument: a constant, the union a local variable can hold, or unknown with why.</summary>
    private MaskValue Mask(Cursor argument, FunctionScope scope, Cursor call)
    {
        var written = text.Of(argument);
        IReadOnlyList<string> constants = [.. NotificationConstant().Matches(written).Select(match => match.Value).Distinct()];
        if (argument.EvaluateInteger() is { } value)
        {
            return MaskValue.Known(unchecked((uint)value), constants);
        }
        var reference = argument.WithoutParentheses();
        if (reference.Kind == CursorKind.DeclRefExpr && reference.Referenced is { Kind: CursorKind.VarDecl } variable)
        {
            return new LocalMaskFlow(text).Resolve(variable, scope.Function, call) is var (mask, reason, names) && mask is { } known
                ? MaskValue.Known(known, [.. constants.Concat(names.SelectMany(n => NotificationConstant().Matches(n).Select(m => m.Value))).Distinct()])
                : MaskValue.Unknown(reason!, constants);
        }
        if (reference.Kind == CursorKind.DeclRefExpr && reference.Referenced.Kind == CursorKind.ParmDecl)
        {
            return MaskValue.Unknown($"'{written}' is a parameter of {scope.Function.Spelling}", constants);
        }
        return MaskValue.Unknown($"'{written}' is computed at run time", constants);
    }

    private string? PriorityAlias(Cursor argument)
    {
        var written = text.Of(argument).Trim();
        if (Contract.IisContract.PriorityAliases.TryGetValue(written, out var alias))
        {
            return alias;
        }
        var literal = Regex.Match(written, @"^L""([^""]*)""$");
        return literal.Success ? literal.Groups[1].Value : argument.EvaluateString() ?? written;
    }

    /// <summary>The most derived class (other than <paramref name="baseName"/> itself) an argument's expression shows.</summary>
    private static (string Usr, string Name)? MostDerivedClass(Cursor argument, string baseName)
    {
        var candidates = new List<Cursor> { argument };
        candidates.AddRange(argument.Descendants());
        foreach (var reference in candidates.Where(c => c.Kind == CursorKind.DeclRefExpr).Select(c => c.Referenced).Where(r => r.Kind == CursorKind.VarDecl).ToList())
        {
            candidates.AddRange(reference.Definition.IsNull ? reference.Descendants() : reference.Definition.Descendants());
        }
        foreach (var candidate in candidates)
        {
            if (ClassOf(candidate.Type) is { } found && found.Name != baseName && DerivesFrom(Cursor.DeclarationOf(PointeeOrSelf(candidate.Type)), baseName))
            {
                return found;
            }
        }
        return null;
    }

    private static CXType PointeeOrSelf(CXType type)
    {
        var pointee = Cursor.Pointee(Cursor.CanonicalOf(type));
        return pointee.Kind != 0 ? pointee : Cursor.CanonicalOf(type);
    }

    private static (string Usr, string Name)? ClassOf(CXType type)
    {
        var declaration = Cursor.DeclarationOf(PointeeOrSelf(type));
        return declaration.Kind is CursorKind.ClassDecl or CursorKind.StructDecl ? (declaration.Canonical.Usr, QualifiedName(declaration)) : null;
    }

    private static bool DerivesFrom(Cursor declaration, string baseName, int depth = 0)
    {
        if (declaration.IsNull || depth > 16)
        {
            return false;
        }
        var definition = declaration.Definition.IsNull ? declaration : declaration.Definition;
        return definition.Children()
            .Where(child => child.Kind == CursorKind.CXXBaseSpecifier)
            .Select(child => Cursor.DeclarationOf(child.Type))
            .Any(baseDeclaration => baseDeclaration.Spelling == baseName || DerivesFrom(baseDeclaration, baseName, depth + 1));
    }

    public static string QualifiedName(Cursor declaration)
    {
        var parts = new List<string> { declaration.Spelling };
        for (var parent = declaration.SemanticParent; !parent.IsNull && parent.Kind is CursorKind.Namespace or CursorKind.ClassDecl or CursorKind.StructDecl; parent = parent.SemanticParent)
        {
            parts.Insert(0, parent.Spelling);
        }
        return string.Join("::", parts);
    }

    public static string Normalize(string type) => type.Replace(" ", "").Replace("struct", "").Replace("class", "");

    private SourceLocation Locate(Cursor cursor)
    {
        var location = cursor.Location;
        return SourceLocation.InSource(location.File, location.Line, text.Column(location), cursor.Spelling,
            cursor.Kind is CursorKind.ClassDecl or CursorKind.StructDecl or CursorKind.ClassTemplate ? SymbolKinds.Type : SymbolKinds.Function);
    }
}
