using System.Collections.Immutable;
using IisModuleValidator.Catalog;
using IisModuleValidator.FrontEnds.CSharp;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace IisModuleValidator.IdeAnalyzer;

/// <summary>
/// The validator's C# checks in the IDE and in dotnet build: the same front end (ModuleCollector), the same rules and
/// the same catalog (ids, titles, help links) as the command line; the module is found once per compilation and its
/// findings reported from symbol actions.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IisModuleAnalyzer : DiagnosticAnalyzer
{
    private static readonly IReadOnlyList<Rule> Rules = CSharpRuleSet.All;

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> Descriptors =
        Rules.ToImmutableDictionary(rule => rule.Id, rule => Describe(RuleCatalog.Default[rule.Id]));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.CreateRange(Descriptors.Values.OrderBy(d => d.Id, StringComparer.Ordinal));

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation is not CSharpCompilation compilation)
            {
                return;
            }
            // The module is a whole-compilation fact (RegisterModule in one file, the vtable in another): it is found once
            // per compilation, and each finding is reported by the symbol action of the top-level type that holds it, so
            // the IDE shows it while the document is edited, not only on a full build.
            var findings = new Lazy<ModuleDiagnostics>(() => ModuleDiagnostics.Collect(compilation));
            start.RegisterSymbolAction(symbol =>
            {
                if (symbol.Symbol.ContainingType is not null)
                {
                    return;
                }
                foreach (var declaration in symbol.Symbol.DeclaringSyntaxReferences)
                {
                    foreach (var diagnostic in findings.Value.In(declaration.SyntaxTree, declaration.Span))
                    {
                        symbol.ReportDiagnostic(diagnostic);
                    }
                }
            }, SymbolKind.NamedType);
            // What no type holds (a finding without a place in source) can only be reported with the whole compilation.
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var diagnostic in findings.Value.Unplaced)
                {
                    end.ReportDiagnostic(diagnostic);
                }
            });
        });
    }

    private static DiagnosticDescriptor Describe(RuleDescriptor rule) => new(
        rule.Id, rule.Title, "{0}", rule.Category, Severity(rule.DefaultLevel), isEnabledByDefault: true,
        description: rule.FullDescription, helpLinkUri: rule.HelpUri, customTags: [.. rule.Tags]);

    private static DiagnosticSeverity Severity(RuleLevel level) => level switch
    {
        RuleLevel.Error => DiagnosticSeverity.Error,
        RuleLevel.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    /// <summary>The module's findings as diagnostics, keyed by the outermost type declaration that holds each.</summary>
    private sealed class ModuleDiagnostics
    {
        private readonly Dictionary<(SyntaxTree Tree, TextSpan Span), List<Diagnostic>> byType = [];

        public List<Diagnostic> Unplaced { get; } = [];

        public IEnumerable<Diagnostic> In(SyntaxTree tree, TextSpan declaration) =>
            byType.TryGetValue((tree, declaration), out var diagnostics) ? diagnostics : [];

#pragma warning disable RS1030 // The module is a whole-compilation fact: one semantic model per tree, once per compilation.
        public static ModuleDiagnostics Collect(CSharpCompilation compilation)
        {
            var result = new ModuleDiagnostics();
            var model = new ModuleCollector(compilation).Build(compilation.AssemblyName ?? "module");
            if (model.Managed is not { } managed || managed.EntryPoints.Count == 0 && managed.Vtables.Count == 0 && model.Registrations.Count == 0)
            {
                return result; // not an IIS module
            }
            var ruleContext = new RuleContext(RuleCatalog.Default);
            var trees = compilation.SyntaxTrees.ToDictionary(tree => tree.FilePath, StringComparer.Ordinal);
            foreach (var rule in Rules)
            {
                foreach (var finding in rule.Check(model, ruleContext))
                {
                    var location = Locate(finding.Location, trees);
                    var related = finding.Related.Select(r => Locate(r.Location, trees)).Where(l => l != Location.None);
                    var properties = finding.Properties.ToImmutableDictionary(pair => pair.Key, pair => (string?)pair.Value);
                    var diagnostic = Diagnostic.Create(Descriptors[rule.Id], location, Severity(finding.Level), related, properties, finding.Message);
                    if (location.SourceTree is { } tree
                        && tree.GetRoot().FindNode(location.SourceSpan).AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax>().LastOrDefault() is { } type)
                    {
                        var key = (tree, type.Span);
                        if (!result.byType.TryGetValue(key, out var list))
                        {
                            result.byType[key] = list = [];
                        }
                        list.Add(diagnostic);
                    }
                    else
                    {
                        result.Unplaced.Add(diagnostic);
                    }
                }
            }
            return result;
        }
#pragma warning restore RS1030
    }

    private static Location Locate(SourceLocation location, Dictionary<string, SyntaxTree> trees)
    {
        if (!trees.TryGetValue(location.FilePath, out var tree) || location.Line is not { } line)
        {
            return Location.None;
        }
        return Location.Create(tree, FrontEnds.CSharp.SourceSpans.TokenAt(tree, line, location.Column));
    }
}
