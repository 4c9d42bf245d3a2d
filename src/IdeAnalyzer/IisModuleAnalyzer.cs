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
/// the same catalog (ids, titles, help links) as the command line, run once per compilation.
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
        context.RegisterCompilationAction(Analyze);
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

#pragma warning disable RS1030 // The module is a whole-compilation fact: one semantic model per tree, once per compilation.
    private static void Analyze(CompilationAnalysisContext context)
    {
        if (context.Compilation is not CSharpCompilation compilation)
        {
            return;
        }
        var model = new ModuleCollector(compilation).Build(compilation.AssemblyName ?? "module");
        if (model.Managed is not { } managed || managed.EntryPoints.Count == 0 && managed.Vtables.Count == 0 && model.Registrations.Count == 0)
        {
            return; // not an IIS module
        }
        var ruleContext = new RuleContext(RuleCatalog.Default);
        var trees = compilation.SyntaxTrees.ToDictionary(tree => tree.FilePath, StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            foreach (var finding in rule.Check(model, ruleContext))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var location = Locate(finding.Location, trees);
                var related = finding.Related.Select(r => Locate(r.Location, trees)).Where(l => l != Location.None);
                var properties = finding.Properties.ToImmutableDictionary(pair => pair.Key, pair => (string?)pair.Value);
                context.ReportDiagnostic(Diagnostic.Create(Descriptors[rule.Id], location, Severity(finding.Level), related, properties, finding.Message));
            }
        }
    }
#pragma warning restore RS1030

    private static Location Locate(SourceLocation location, Dictionary<string, SyntaxTree> trees)
    {
        if (!trees.TryGetValue(location.FilePath, out var tree) || location.Line is not { } line)
        {
            return Location.None;
        }
        return Location.Create(tree, FrontEnds.CSharp.SourceSpans.TokenAt(tree, line, location.Column));
    }
}
