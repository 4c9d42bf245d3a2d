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

/// <summary>IISM5001: export the method as "RegisterModule" (fix the EntryPoint, or add the attribute).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EntryPointNameFix)), Shared]
public sealed class EntryPointNameFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.EntryPointWrong);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var method = root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (root is null || method is null)
        {
            return;
        }
        context.RegisterCodeFix(
            CodeAction.Create("Export as \"RegisterModule\"", cancellation => Fix(context.Document, root, method, cancellation), nameof(EntryPointNameFix)),
            context.Diagnostics);
    }

    private static Task<Document> Fix(Document document, SyntaxNode root, MethodDeclarationSyntax method, CancellationToken cancellation)
    {
        var entryPoint = SyntaxFactory.AttributeArgument(
            SyntaxFactory.NameEquals("EntryPoint"), null,
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("RegisterModule")));
        var attribute = method.AttributeLists.SelectMany(list => list.Attributes)
            .FirstOrDefault(a => a.Name.ToString() is "UnmanagedCallersOnly" or "UnmanagedCallersOnlyAttribute" || a.Name.ToString().EndsWith(".UnmanagedCallersOnly"));
        MethodDeclarationSyntax fixedMethod;
        if (attribute is null)
        {
            var added = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(
                SyntaxFactory.Attribute(SyntaxFactory.ParseName("System.Runtime.InteropServices.UnmanagedCallersOnly"),
                    SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(entryPoint)))));
            fixedMethod = method.AddAttributeLists(added.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed));
        }
        else
        {
            var existing = attribute.ArgumentList?.Arguments.FirstOrDefault(argument => argument.NameEquals?.Name.Identifier.Text == "EntryPoint");
            var arguments = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
            arguments = existing is null ? arguments.AddArguments(entryPoint) : arguments.ReplaceNode(existing, entryPoint.WithTriviaFrom(existing));
            fixedMethod = method.ReplaceNode(attribute, attribute.WithArgumentList(arguments));
        }
        cancellation.ThrowIfCancellationRequested();
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(method, fixedMethod)));
    }
}
