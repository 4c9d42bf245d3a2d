using System.Text.RegularExpressions;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IisModuleValidator.FrontEnds.CSharp;

/// <summary>
/// Reads a compiled C# module: Set*Notifications calls on IHttpModuleRegistrationInfo (through a wrapper method or the
/// vtable's function pointer), the slots each type assigns in CHttpModule/CGlobalModule/IHttpModuleFactory vtables, the
/// methods they point at (their returns and unprotected managed calls), and the RegisterModule entry point.
/// </summary>
internal sealed class ModuleCollector(CSharpCompilation compilation)
{
    private static readonly HashSet<string> RegistrationTypes = ["IHttpModuleRegistrationInfo", "IHttpModuleRegistrationInfo2"];
    private static readonly Dictionary<string, ModuleBase> VtableOwners = new()
    {
        ["CHttpModule"] = ModuleBase.HttpModule,
        ["CGlobalModule"] = ModuleBase.GlobalModule,
        ["IHttpModuleFactory"] = ModuleBase.ModuleFactory,
    };

    // Not [GeneratedRegex]: this file is also compiled for netstandard2.0 into the IDE analyzer.
    private static readonly Regex NotificationConstants = new(@"\b(?:RQ|GL)_[A-Z_]+\b", RegexOptions.Compiled);

    private sealed record SlotAssignment(string OwnerType, INamedTypeSymbol OwnerSymbol, string VtableType, ModuleBase Base, string Slot, IMethodSymbol Target, SourceLocation Location);

    public ModuleModel Build(string inputPath)
    {
        var assignments = new List<SlotAssignment>();
        var calls = new List<(string Method, IReadOnlyList<ExpressionSyntax> Arguments, SemanticModel Model, SourceLocation Location)>();
        var entryPoints = new List<ManagedEntryPoint>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetRoot();
            foreach (var assignment in root.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (SlotOf(assignment, model) is { } slot)
                {
                    assignments.Add(slot);
                }
            }
            foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                // The interop struct's own wrapper methods forward their parameters: they are not registrations.
                if (model.GetEnclosingSymbol(invocation.SpanStart)?.ContainingType is { } enclosing && RegistrationTypes.Contains(enclosing.Name))
                {
                    continue;
                }
                if (RegistrationCall(invocation, model) is { } call)
                {
                    calls.Add(call);
                }
            }
            foreach (var method in root.DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(method) is { } symbol && EntryPoint(symbol, method) is { } entry)
                {
                    entryPoints.Add(entry);
                }
            }
        }

        var classes = assignments
            .GroupBy(a => (a.OwnerType, a.Base))
            .OrderBy(group => group.Key.OwnerType, StringComparer.Ordinal)
            .Select(group => new ModuleClass(
                group.Key.OwnerType,
                group.Key.Base,
                [group.First().VtableType],
                [.. group.Select(a => new Handler(a.Slot, [.. a.Target.Parameters.Skip(1).Select(p => new ParameterType(Display(p.Type), Display(p.Type)))],
                    Overrides: true, a.Location, Returns(a.Target)))],
                Locate(group.First().OwnerSymbol.Locations.First(), group.Key.OwnerType)))
            .ToList();
        string? Single(ModuleBase kind) => classes.Where(c => c.Base == kind).Select(c => c.Name).Distinct().ToList() is { Count: 1 } only ? only[0] : null;

        var registrations = new List<Registration>();
        var priorities = new List<PriorityRegistration>();
        foreach (var (method, arguments, model, location) in calls.OrderBy(c => c.Location.FilePath, StringComparer.Ordinal).ThenBy(c => c.Location.Line))
        {
            switch (method)
            {
                case "SetRequestNotifications" when arguments.Count >= 3:
                    registrations.Add(new Registration(RegistrationKind.Request, Single(ModuleBase.ModuleFactory), Single(ModuleBase.HttpModule),
                        Mask(arguments[1], model), Mask(arguments[2], model), location, EvidenceSource.CSharp));
                    break;
                case "SetGlobalNotifications" when arguments.Count >= 2:
                    registrations.Add(new Registration(RegistrationKind.Global, null, Single(ModuleBase.GlobalModule),
                        Mask(arguments[1], model), MaskValue.Known(0), location, EvidenceSource.CSharp));
                    break;
                case "SetPriorityForRequestNotification" or "SetPriorityForGlobalNotification" or "SetPriorityForPostRequestNotification" when arguments.Count >= 2:
                    priorities.Add(new PriorityRegistration(method.Contains("Global") ? NotificationKind.Global : NotificationKind.Request,
                        method.Contains("Post"), Mask(arguments[0], model), Alias(arguments[1], model), location));
                    break;
            }
        }

        var managed = new ManagedFacts(
            entryPoints,
            [.. assignments.Select(a => new ManagedSlotTarget(a.VtableType, a.Slot, a.Target.Name, HasUnmanagedCallersOnly(a.Target),
                CallingConventions(a.Target), UnprotectedCalls(a.Target), a.Location))],
            [.. assignments.GroupBy(a => (a.OwnerType, a.Base)).Select(group => new ManagedVtable(group.Key.OwnerType, group.Key.Base,
                [.. group.Select(a => a.Slot).Distinct()], Locate(group.First().OwnerSymbol.Locations.First(), group.Key.OwnerType)))]);
        return new ModuleModel(inputPath, EvidenceSource.CSharp, null, registrations, priorities, classes, [], [], [], managed);
    }

    /// <summary>'vtbl->OnBeginRequest = &amp;OnBeginRequest' on a CHttpModule, CGlobalModule or IHttpModuleFactory vtable.</summary>
    private SlotAssignment? SlotOf(AssignmentExpressionSyntax assignment, SemanticModel model)
    {
        if (model.GetSymbolInfo(assignment.Left).Symbol is not IFieldSymbol { ContainingType: { Name: "Vtbl", ContainingType: { } owner } } field
            || !VtableOwners.TryGetValue(owner.Name, out var kind)
            || Unwrapped(assignment.Right) is not PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.AddressOfExpression } address
            || (model.GetSymbolInfo(address.Operand) is var info && (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not IMethodSymbol target)
            || model.GetEnclosingSymbol(assignment.SpanStart)?.ContainingType is not { } ownerType)
        {
            return null;
        }
        return new SlotAssignment(ownerType.Name, ownerType, owner.Name, kind, field.Name, target, Locate(assignment.GetLocation(), field.Name, SymbolKinds.Member));
    }

    /// <summary>The expression under casts and parentheses ('(delegate* unmanaged[MemberFunction]&lt;...&gt;)&amp;M' is still &amp;M).</summary>
    private static ExpressionSyntax Unwrapped(ExpressionSyntax expression) => expression switch
    {
        CastExpressionSyntax cast => Unwrapped(cast.Expression),
        ParenthesizedExpressionSyntax parenthesized => Unwrapped(parenthesized.Expression),
        _ => expression,
    };

    /// <summary>A Set*Notifications call: a method of the registration interface, or its vtable function pointer (whose first argument is 'this').</summary>
    private static (string, IReadOnlyList<ExpressionSyntax>, SemanticModel, SourceLocation)? RegistrationCall(InvocationExpressionSyntax invocation, SemanticModel model)
    {
        var arguments = invocation.ArgumentList.Arguments.Select(argument => argument.Expression).ToList();
        switch (model.GetSymbolInfo(invocation.Expression).Symbol)
        {
            case IMethodSymbol { ContainingType.Name: var type, Name: var name } when RegistrationTypes.Contains(type) && name.StartsWith("Set", StringComparison.Ordinal):
                return (name, arguments, model, Locate(invocation.GetLocation(), name));
            case IFieldSymbol { ContainingType: { Name: "Vtbl", ContainingType.Name: var owner }, Name: var slot } when RegistrationTypes.Contains(owner) && slot.StartsWith("Set", StringComparison.Ordinal):
                return (slot, arguments.Skip(1).ToList(), model, Locate(invocation.GetLocation(), slot));
            default:
                return null;
        }
    }

    private static MaskValue Mask(ExpressionSyntax expression, SemanticModel model)
    {
        IReadOnlyList<string> names = [.. NotificationConstants.Matches(expression.ToString()).Cast<Match>().Select(match => match.Value).Distinct()];
        var constant = model.GetConstantValue(expression);
        return constant is { HasValue: true, Value: { } value } && value is uint or int or long or ulong or ushort or short or byte
            ? MaskValue.Known(unchecked((uint)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)), names)
            : MaskValue.Unknown($"'{expression}' is computed at run time", names);
    }

    private static string? Alias(ExpressionSyntax expression, SemanticModel model, int depth = 0)
    {
        // Usually "(char*)Unsafe.AsPointer(ref ...)" or a fixed pointer to a PRIORITY_ALIAS_* constant: the constant in it.
        foreach (var node in expression.DescendantNodesAndSelf().OfType<ExpressionSyntax>())
        {
            if (model.GetConstantValue(node) is { HasValue: true, Value: string text })
            {
                return text;
            }
        }
        // A local: 'fixed (char* alias = "HIGH")' or 'var alias = ...', whose initializer holds the constant.
        if (depth < 4 && expression is IdentifierNameSyntax && model.GetSymbolInfo(expression).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            return Alias(initializer, model, depth + 1);
        }
        return null;
    }

    private IReadOnlyList<ReturnSite> Returns(IMethodSymbol method)
    {
        var sites = new List<ReturnSite>();
        foreach (var declaration in method.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax()).OfType<MethodDeclarationSyntax>())
        {
            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
            IEnumerable<ExpressionSyntax> returned = declaration.ExpressionBody is { } arrow
                ? [arrow.Expression]
                : declaration.DescendantNodes().OfType<ReturnStatementSyntax>().Select(statement => statement.Expression).OfType<ExpressionSyntax>();
            foreach (var expression in returned)
            {
                var constant = model.GetConstantValue(expression);
                long? value = constant is { HasValue: true, Value: { } v } && v is int or uint or long or short or byte ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : null;
                string? from = null;
                if (expression is CastExpressionSyntax cast && model.GetTypeInfo(cast.Expression).Type is { } operand
                    && !SymbolEqualityComparer.Default.Equals(operand, model.GetTypeInfo(cast).Type))
                {
                    from = operand.Name.Length > 0 ? operand.Name : operand.ToDisplayString();
                }
                sites.Add(new ReturnSite(expression.ToString(), value, Locate(expression.GetLocation(), method.Name), from));
            }
        }
        return sites;
    }

    private ManagedEntryPoint? EntryPoint(IMethodSymbol method, MethodDeclarationSyntax declaration)
    {
        var attribute = UnmanagedCallersOnly(method);
        var exported = attribute?.NamedArguments.FirstOrDefault(argument => argument.Key == "EntryPoint").Value.Value as string;
        var looksMeant = string.Equals(method.Name, IisContract.RegisterModuleExportName, StringComparison.OrdinalIgnoreCase)
                         || string.Equals(exported, IisContract.RegisterModuleExportName, StringComparison.OrdinalIgnoreCase);
        if (!looksMeant || !method.IsStatic)
        {
            return null;
        }
        return new ManagedEntryPoint(method.Name, attribute is not null, exported, Display(method.ReturnType),
            [.. method.Parameters.Select(parameter => Display(parameter.Type))], UnprotectedCalls(method),
            Locate(declaration.Identifier.GetLocation(), method.Name));
    }

    private static AttributeData? UnmanagedCallersOnly(IMethodSymbol method) =>
        method.GetAttributes().FirstOrDefault(attribute => attribute.AttributeClass?.Name == "UnmanagedCallersOnlyAttribute");

    private static bool HasUnmanagedCallersOnly(IMethodSymbol method) => UnmanagedCallersOnly(method) is not null;

    private static IReadOnlyList<string> CallingConventions(IMethodSymbol method) =>
        UnmanagedCallersOnly(method)?.NamedArguments.FirstOrDefault(argument => argument.Key == "CallConvs").Value is { Kind: TypedConstantKind.Array } array
            ? [.. array.Values.Select(value => (value.Value as ITypeSymbol)?.Name ?? "")]
            : [];

    /// <summary>Calls into managed code (and throws) that no catch-all around them would stop at the unmanaged boundary.</summary>
    private IReadOnlyList<ManagedCall> UnprotectedCalls(IMethodSymbol method)
    {
        var calls = new List<ManagedCall>();
        foreach (var declaration in method.DeclaringSyntaxReferences.Select(reference => reference.GetSyntax()).OfType<MethodDeclarationSyntax>())
        {
            var model = compilation.GetSemanticModel(declaration.SyntaxTree);
            foreach (var node in declaration.DescendantNodes())
            {
                var risky = node switch
                {
                    InvocationExpressionSyntax invocation => model.GetSymbolInfo(invocation.Expression).Symbol is IMethodSymbol callee
                        && !IsInteropWrapper(callee) && !CannotThrow(callee) && callee.Name != "nameof",
                    BaseObjectCreationExpressionSyntax => true,
                    ThrowStatementSyntax or ThrowExpressionSyntax => true,
                    _ => false,
                };
                if (risky && !InsideCatchAll(node))
                {
                    calls.Add(new ManagedCall(node.ToString().Split('\n')[0].Trim(), Locate(node.GetLocation(), method.Name)));
                }
            }
        }
        return calls;
    }

    /// <summary>Runtime helpers that only move memory: Unsafe.*, Interlocked.*, and NativeMemory's Free, Clear, Copy and Fill (not Alloc).</summary>
    private static bool CannotThrow(IMethodSymbol callee) => callee.ContainingType?.ToDisplayString() switch
    {
        "System.Runtime.CompilerServices.Unsafe" or "System.Threading.Interlocked" => true,
        "System.Runtime.InteropServices.NativeMemory" => callee.Name is "Free" or "AlignedFree" or "Clear" or "Copy" or "Fill",
        _ => false,
    };

    /// <summary>A method of an interop struct (one with an lpVtbl field): a thin call through a function pointer.</summary>
    private static bool IsInteropWrapper(IMethodSymbol callee) =>
        callee.ContainingType is { TypeKind: TypeKind.Struct } type && type.GetMembers("lpVtbl").Length > 0;

    private static bool InsideCatchAll(SyntaxNode node) =>
        node.Ancestors().OfType<TryStatementSyntax>().Any(statement => statement.Block.Span.Contains(node.Span) && statement.Catches.Any(IsCatchAll));

    private static bool IsCatchAll(CatchClauseSyntax clause) =>
        clause.Filter is null && (clause.Declaration is null || clause.Declaration.Type.ToString() is "Exception" or "System.Exception" or "global::System.Exception");

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static SourceLocation Locate(Location location, string symbol, string kind = SymbolKinds.Function)
    {
        var span = location.GetLineSpan();
        return SourceLocation.InSource(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, symbol, kind);
    }
}
