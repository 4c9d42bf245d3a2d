using System.Collections.Immutable;
using IisModuleValidator.Catalog;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Suppression = IisModuleValidator.Model.Suppression;

namespace IisModuleValidator.Analysis.Suppressions;

/// <summary>
/// Judges a C# module's findings as `dotnet build` judges the same diagnostics, by letting Roslyn do it: each finding is
/// reported again as a diagnostic of an analyzer over the module's own compilation, and what comes back says whether
/// '#pragma warning disable' or [SuppressMessage] suppresses it, and at which severity the .editorconfig/.globalconfig
/// files put it (none or silent: not reported, as the build does not).
/// </summary>
internal static class CSharpSuppressions
{
    private const string IndexProperty = "findingIndex";

    public static IReadOnlyList<Finding> Apply(CSharpCompilation compilation, IReadOnlyList<Finding> findings, RuleCatalog catalog)
    {
        if (findings.Count == 0)
        {
            return findings;
        }
        var replay = new ReplayAnalyzer(compilation, findings, catalog);
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false,
            logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        var diagnostics = compilation.WithAnalyzers([replay], options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var judged = new Dictionary<int, Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(IndexProperty, out var index) && int.TryParse(index, out var number))
            {
                judged[number] = diagnostic;
            }
        }
        var result = new List<Finding>();
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (!replay.Reported.Contains(i))
            {
                result.Add(finding); // not at a place in the compilation's sources (a project file): nothing in C# applies
                continue;
            }
            if (!judged.TryGetValue(i, out var diagnostic) || diagnostic.Severity == DiagnosticSeverity.Hidden)
            {
                continue; // severity none or silent in .editorconfig/.globalconfig: the build does not report it either
            }
            var level = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => RuleLevel.Error,
                DiagnosticSeverity.Warning => RuleLevel.Warning,
                _ => RuleLevel.Note,
            };
            result.Add(finding with
            {
                Level = level,
                Suppression = diagnostic.IsSuppressed ? Why(compilation, diagnostic) : null,
            });
        }
        return result;
    }

    /// <summary>The #pragma or [SuppressMessage] that suppressed a diagnostic, with its justification.</summary>
    private static Suppression Why(CSharpCompilation compilation, Diagnostic diagnostic)
    {
        var tree = diagnostic.Location.SourceTree!;
        var position = diagnostic.Location.SourceSpan.Start;
        // The last '#pragma warning disable|restore' naming the id (or all ids) before the diagnostic decides.
        var pragma = tree.GetRoot().DescendantTrivia(descendIntoTrivia: true)
            .Select(trivia => trivia.GetStructure()).OfType<PragmaWarningDirectiveTriviaSyntax>()
            .Where(directive => directive.SpanStart < position
                && (directive.ErrorCodes.Count == 0 || directive.ErrorCodes.Any(code => code.ToString().Trim() == diagnostic.Id)))
            .LastOrDefault();
        if (pragma is not null && pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
        {
            // '#pragma warning disable IISM5003 // the reason' gives its reason in the comment that ends the line.
            var comment = pragma.EndOfDirectiveToken.LeadingTrivia.Concat(pragma.ErrorCodes.Count > 0 ? pragma.ErrorCodes.Last().GetTrailingTrivia() : pragma.WarningKeyword.TrailingTrivia)
                .FirstOrDefault(trivia => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia)).ToString().TrimStart('/').Trim();
            return new Suppression(comment.Length > 0 ? comment : $"#pragma warning disable {diagnostic.Id}", LocationOf(pragma.GetLocation()));
        }
        var model = compilation.GetSemanticModel(tree);
        for (var symbol = model.GetEnclosingSymbol(position); symbol is not null; symbol = symbol.ContainingSymbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == "System.Diagnostics.CodeAnalysis.SuppressMessageAttribute"
                    && attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is string checkId
                    && (checkId == diagnostic.Id || checkId.StartsWith(diagnostic.Id + ":", StringComparison.Ordinal)))
                {
                    var justification = attribute.NamedArguments.FirstOrDefault(argument => argument.Key == "Justification").Value.Value as string;
                    var where = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? diagnostic.Location;
                    return new Suppression(string.IsNullOrWhiteSpace(justification) ? $"[SuppressMessage(\"{attribute.ConstructorArguments[0].Value}\", \"{checkId}\")]" : justification,
                        LocationOf(where));
                }
            }
        }
        return new Suppression("suppressed in source (an assembly-level [SuppressMessage])", LocationOf(diagnostic.Location));
    }

    private static SourceLocation LocationOf(Location location)
    {
        var start = location.GetLineSpan().StartLinePosition;
        return SourceLocation.InSource(location.SourceTree!.FilePath, start.Line + 1, start.Character + 1);
    }

    /// <summary>Reports each finding at its place, with its rule's id and default level.</summary>
#pragma warning disable RS1001 // run in-process on our own compilation, never loaded by a compiler: no discovery attribute
    private sealed class ReplayAnalyzer : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private readonly List<(int Index, DiagnosticDescriptor Descriptor, Location Location)> _diagnostics = [];

        public ReplayAnalyzer(CSharpCompilation compilation, IReadOnlyList<Finding> findings, RuleCatalog catalog)
        {
            var trees = compilation.SyntaxTrees.GroupBy(tree => tree.FilePath, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
            var descriptors = new Dictionary<(string, RuleLevel), DiagnosticDescriptor>();
            for (var i = 0; i < findings.Count; i++)
            {
                var finding = findings[i];
                if (finding.Location.Line is not { } line || !trees.TryGetValue(finding.Location.FilePath, out var tree))
                {
                    continue;
                }
                if (line < 1 || line > tree.GetText().Lines.Count)
                {
                    continue;
                }
                var span = FrontEnds.CSharp.SourceSpans.TokenAt(tree, line, finding.Location.Column);
                if (!descriptors.TryGetValue((finding.RuleId, finding.Level), out var descriptor))
                {
                    var rule = catalog[finding.RuleId];
                    descriptor = new DiagnosticDescriptor(finding.RuleId, rule.Title, "{0}", rule.Category,
                        finding.Level switch { RuleLevel.Error => DiagnosticSeverity.Error, RuleLevel.Warning => DiagnosticSeverity.Warning, _ => DiagnosticSeverity.Info },
                        isEnabledByDefault: true);
                    descriptors[(finding.RuleId, finding.Level)] = descriptor;
                }
                _diagnostics.Add((i, descriptor, Location.Create(tree, span)));
                Reported.Add(i);
            }
            SupportedDiagnostics = [.. descriptors.Values];
        }

        public HashSet<int> Reported { get; } = [];

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationAction(compilation =>
            {
                foreach (var (index, descriptor, location) in _diagnostics)
                {
                    compilation.ReportDiagnostic(Diagnostic.Create(descriptor, location,
                        ImmutableDictionary<string, string?>.Empty.Add(IndexProperty, index.ToString(System.Globalization.CultureInfo.InvariantCulture)), ""));
                }
            });
        }
    }
}
