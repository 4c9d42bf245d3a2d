using IisModuleValidator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace IisModuleValidator.FrontEnds.CSharp;

/// <summary>The model of a C# module, and the compiler errors that make it incomplete.</summary>
/// <param name="Skipped">Files the project lists that could not be read (missing, not a regular file, too large), with why.</param>
/// <param name="Compilation">What the model was read from: the suppressions and severities of the sources are judged on it.</param>
public sealed record CSharpAnalysis(ModuleModel Model, IReadOnlyList<(string File, int Count, string First)> Errors, IReadOnlyList<string> Skipped,
    CSharpCompilation Compilation);

/// <summary>
/// Builds the module model of a C# (NativeAOT) module with Roslyn: the sources compiled against the running .NET's
/// assemblies, unsafe code allowed, and read through the semantic model (constants folded, enum casts and '|').
/// </summary>
public static class CSharpFrontEnd
{
    /// <summary>The running .NET's assemblies: what module sources are compiled against.</summary>
    internal static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path))]);

    private static readonly string[] ModuleTokens = ["UnmanagedCallersOnly", "RegisterModule", "Vtbl", "IHttpModule", "CHttpModule", "CGlobalModule"];

    public static CSharpAnalysis Analyze(CSharpProject project)
    {
        var skipped = new List<string>();
        var compilation = Compile(project, skipped);
        var errors = ModuleDiagnostics(compilation)
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error && diagnostic.Location.SourceTree is not null)
            .GroupBy(diagnostic => diagnostic.Location.SourceTree!.FilePath)
            .Select(group => (group.Key, group.Count(), Describe(group.First())))
            .OrderBy(error => error.Key, StringComparer.Ordinal)
            .ToList();
        var collector = new ModuleCollector(compilation);
        return new CSharpAnalysis(collector.Build(project.InputPath), errors, skipped, compilation);
    }

    /// <summary>
    /// The errors that can make the module's facts incomplete: parsing everywhere, the declarations of files that take
    /// part in the module (they name UnmanagedCallersOnly, RegisterModule or a vtable), and the bodies of the methods
    /// IIS calls ([UnmanagedCallersOnly]). Binding every declaration and body of a 100,000-member file costs seconds
    /// and says nothing about the module.
    /// </summary>
    private static IEnumerable<Diagnostic> ModuleDiagnostics(CSharpCompilation compilation)
    {
        foreach (var diagnostic in compilation.GetParseDiagnostics())
        {
            yield return diagnostic;
        }
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            var text = tree.GetText().ToString();
            if (!ModuleTokens.Any(token => text.Contains(token, StringComparison.Ordinal)))
            {
                continue;
            }
            foreach (var diagnostic in model.GetDeclarationDiagnostics())
            {
                yield return diagnostic;
            }
            var callable = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
                .Where(method => method.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => attribute.Name.ToString().Contains("UnmanagedCallersOnly", StringComparison.Ordinal)));
            foreach (var method in callable)
            {
                foreach (var diagnostic in model.GetMethodBodyDiagnostics(method.Span))
                {
                    yield return diagnostic;
                }
            }
        }
    }

    /// <summary>
    /// The project's files as one compilation: latest C#, unsafe code allowed, a library, with the diagnostic severities
    /// of the .editorconfig and .globalconfig files that apply to it.
    /// </summary>
    internal static CSharpCompilation Compile(CSharpProject project, List<string>? skipped = null)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>();
        if (project.GlobalUsings.Count > 0)
        {
            trees.Add(CSharpSyntaxTree.ParseText(string.Concat(project.GlobalUsings.Select(name => $"global using global::{name};\n")), parseOptions,
                path: Path.Combine(Path.GetDirectoryName(project.InputPath)!, "obj", "GlobalUsings.g.cs")));
        }
        foreach (var file in project.Files)
        {
            try
            {
                var text = Io.SafeFile.ReadAllText(file);
                if (Io.NestingDepth.Of(text) is var depth && depth > Io.NestingDepth.Max)
                {
                    skipped?.Add($"'{file}' nests brackets {depth} levels deep (more than {Io.NestingDepth.Max}), so it is not parsed");
                    continue;
                }
                trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, path: file));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                skipped?.Add(exception is FileNotFoundException ? $"'{file}' is listed but does not exist" : exception.Message);
            }
        }
        // Referenced projects are compiled on their own and referenced, as the build does: their internals stay theirs.
        IEnumerable<MetadataReference> references = [
            .. References.Value,
            .. project.PackageAssemblies.Select(path => MetadataReference.CreateFromFile(path)),
            .. project.ProjectReferences.Select(reference => Compile(reference, skipped).ToMetadataReference()),
        ];
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false);
        if (AnalyzerConfigOptions.For(project.InputPath, project.Files) is { } configured)
        {
            options = options.WithSyntaxTreeOptionsProvider(configured);
        }
        return CSharpCompilation.Create(Path.GetFileNameWithoutExtension(project.InputPath), trees, references, options);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"{diagnostic.Location.SourceTree!.FilePath}({position.Line + 1},{position.Character + 1}): {diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
