using IisModuleValidator.Catalog;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IisModuleValidator.IdeCodeFixes;

/// <summary>
/// IISM2001 in C#: assign the missing vtable slot to a generated stub handler with the slot's exact signature, which
/// continues the request (or the global event), next to the slots the type already assigns.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingSlotFix)), Shared]
public sealed class MissingSlotFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RegisteredNotificationWithoutHandler);

    /// <summary>Fix all (and dotnet format): every missing slot of a document, one after another on the updated document,
    /// since each fix adds a statement after the same last assignment and a member to the same type.</summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixAllInDocument);

    private static async Task<Document?> FixAllInDocument(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var wanted = diagnostics
            .Where(diagnostic => diagnostic.Properties.TryGetValue(FindingProperties.Handler, out var handler) && handler is not null)
            .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .ThenBy(diagnostic => diagnostic.Properties[FindingProperties.Handler], System.StringComparer.Ordinal)
            .Select(diagnostic => (Handler: diagnostic.Properties[FindingProperties.Handler]!, Vtable: diagnostic.Properties.TryGetValue(FindingProperties.Vtable, out var vtable) ? vtable : null))
            .Distinct()
            .ToList();
        foreach (var (handler, vtable) in wanted)
        {
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null || FindAssignments(root, model, vtable) is not { } assignments)
            {
                continue;
            }
            document = await Fix(document, root, model, assignments, handler, context.CancellationToken).ConfigureAwait(false);
        }
        return document;
    }

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(FindingProperties.Handler, out var handler) || handler is null)
        {
            return;
        }
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || FindAssignments(root, model, diagnostic.Properties.TryGetValue(FindingProperties.Vtable, out var vtable) ? vtable : null) is not { } assignments)
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create($"Assign {handler} to a new handler that continues", cancellation => Fix(context.Document, root, model, assignments, handler, cancellation), nameof(MissingSlotFix)),
            diagnostic);
    }

    /// <summary>The slot assignments of the vtable (CHttpModule.Vtbl or CGlobalModule.Vtbl), in one method.</summary>
    private static ImmutableArray<AssignmentExpressionSyntax>? FindAssignments(SyntaxNode root, SemanticModel model, string? vtable)
    {
        var assignments = root.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(assignment => model.GetSymbolInfo(assignment.Left).Symbol is IFieldSymbol { ContainingType: { Name: "Vtbl", ContainingType.Name: var owner } }
                                 && (vtable is null || owner == vtable))
            .ToImmutableArray();
        return assignments.IsEmpty ? null : assignments;
    }

    private static Task<Document> Fix(Document document, SyntaxNode root, SemanticModel model, ImmutableArray<AssignmentExpressionSyntax> assignments,
        string handler, CancellationToken cancellation)
    {
        var last = assignments[assignments.Length - 1];
        var field = (IFieldSymbol)model.GetSymbolInfo(last.Left).Symbol!;
        if (field.ContainingType.GetMembers(handler).FirstOrDefault() is not IFieldSymbol { Type: IFunctionPointerTypeSymbol pointer }
            || last.Left is not MemberAccessExpressionSyntax access
            || last.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement
            || statement.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
        {
            return Task.FromResult(document);
        }
        var signature = pointer.Signature;
        var names = new[] { "self", "pHttpContext", "pProvider", "arg3", "arg4", "arg5" };
        var parameters = string.Join(", ", signature.Parameters.Select((p, i) =>
            $"{p.Type.ToMinimalDisplayString(model, statement.SpanStart)} {(signature.Parameters.Length == 2 && i == 1 ? "pProvider" : names[i])}"));
        var returnType = signature.ReturnType.ToMinimalDisplayString(model, statement.SpanStart);
        var body = signature.ReturnType.SpecialType == SpecialType.System_Void ? "{ }" : $"=> {returnType}.{Continue(signature.ReturnType)};";
        var stub = SyntaxFactory.ParseMemberDeclaration($$"""
            [System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = [typeof(System.Runtime.CompilerServices.CallConvMemberFunction)])]
            private static {{returnType}} {{handler}}({{parameters}}) {{body}}
            """)!
            // A blank line before it, as between the type's other members; names shortened where the usings allow.
            .WithLeadingTrivia(LineEnding(root)).WithTrailingTrivia(LineEnding(root))
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
        var assignment = SyntaxFactory.ParseStatement($"{access.Expression}{access.OperatorToken.Text}{handler} = &{handler};")
            .WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia());
        cancellation.ThrowIfCancellationRequested();
        var updated = root.TrackNodes(statement, type);
        updated = updated.InsertNodesAfter(updated.GetCurrentNode(statement)!, [assignment]);
        var currentType = updated.GetCurrentNode(type)!;
        updated = updated.ReplaceNode(currentType, currentType.AddMembers(stub));
        return Task.FromResult(document.WithSyntaxRoot(updated));
    }

    /// <summary>The document's own line ending (a fixed one, which the formatter keeps as a blank line, also in Fix All).</summary>
    private static SyntaxTrivia LineEnding(SyntaxNode root) =>
        root.DescendantTrivia().FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } ending
            ? ending
            : SyntaxFactory.ElasticCarriageReturnLineFeed;

    private static string Continue(ITypeSymbol status) => status.Name == "GLOBAL_NOTIFICATION_STATUS" ? "GL_NOTIFICATION_CONTINUE" : "RQ_NOTIFICATION_CONTINUE";
}
