using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IisModuleValidator.Tests.Catalog;

/// <summary>
/// The engine's inner layers (the contract, the rule catalog, the module model, the rules) are pure: they name nothing
/// of the front ends, the pipeline, the reporters, the workers or the file system helpers, nor the file system, processes
/// or the console. Their sources are compiled alone with Roslyn, so a name of an outer layer does not bind, however it
/// is written; the names that do bind are checked against the system types a pure function has no business with.
/// </summary>
public sealed class LayeringTests
{
    // Compiled alone (Text: word helpers the rules share), so that the front ends, the pipeline, the reporters, the workers and Io do not bind from them.
    private static readonly string[] InnerFolders = ["Contract", "Catalog", "Model", "Rules", "Text"];
    // The file system, processes and the console are outside too: a rule is a function of its model.
    private static readonly string[] OuterSystemTypes = ["System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo",
        "System.IO.FileStream", "System.Diagnostics.Process", "System.Console", "System.Environment"];

    [Fact]
    public void The_contract_catalog_model_and_rules_reference_no_outer_layer()
    {
        var engine = Path.Combine(TestPaths.RepositoryRoot, "src", "Analyzer");
        var sources = InnerFolders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(engine, folder), "*.cs", SearchOption.AllDirectories))
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), Options, file))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, Options))
            .ToList();
        // The runtime's assemblies, not ours: the test host's list holds the engine too, whose outer types would bind.
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => !Path.GetFileName(path).StartsWith("IisModuleValidator", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path));
        // The inner layers alone: a name of an outer layer does not bind, and is reported with its place.
        var compilation = CSharpCompilation.Create("inner-layers", sources, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var diagnostic in compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Id != GeneratedPartialWithoutBody))
        {
            violations.Add($"{Where(engine, diagnostic.Location)}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        foreach (var tree in sources)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (Outer(model.GetSymbolInfo(name).Symbol) is { } outer)
                {
                    violations.Add($"{Where(engine, name.GetLocation())}: {outer}");
                }
            }
        }

        Assert.True(violations.Count == 0, "inner layers reference outer ones:\n" + string.Join("\n", violations));
    }

    private static readonly CSharpParseOptions Options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);

    // What ImplicitUsings (Directory.Build.props) gives every file of a net10.0 project.
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    // [GeneratedRegex] partial methods get their bodies from the regex source generator, which this compilation does not run.
    private const string GeneratedPartialWithoutBody = "CS8795";

    private static string Where(string engine, Location location) =>
        $"{Path.GetRelativePath(engine, location.SourceTree?.FilePath ?? "?")}:{location.GetLineSpan().StartLinePosition.Line + 1}";

    /// <summary>The system type a bound name belongs to, when a pure layer has no business with it.</summary>
    private static string? Outer(ISymbol? symbol) =>
        (symbol as INamedTypeSymbol ?? symbol?.ContainingType)?.OriginalDefinition.ToDisplayString() is { } name && OuterSystemTypes.Contains(name)
            ? name
            : null;
}
