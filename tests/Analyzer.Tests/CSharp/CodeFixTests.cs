extern alias fixes;
extern alias ide;

using System.Collections.Immutable;
using fixes::IisModuleValidator.IdeCodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using IdeAnalyzer = ide::IisModuleValidator.IdeAnalyzer.IisModuleAnalyzer;

namespace IisModuleValidator.Tests.CSharp;

/// <summary>The code fixes on the broken C# samples: applied in a workspace, the finding is gone and the module compiles.</summary>
public sealed class CodeFixTests
{
    private static readonly string Root = Path.Combine(TestPaths.Samples, "csharp");

    private static (AdhocWorkspace Workspace, Project Project) Load(string sample)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, sample, sample, LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest), metadataReferences: FrontEnds.CSharp.CSharpFrontEnd.References.Value));
        foreach (var file in FrontEnds.CSharp.CSharpProject.Load(Path.Combine(Root, sample, sample + ".csproj")).Files)
        {
            project = project.AddDocument(Path.GetFileName(file), File.ReadAllText(file), filePath: file).Project;
        }
        return (workspace, project);
    }

    private static async Task<ImmutableArray<Diagnostic>> Diagnose(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers([new IdeAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    [Theory]
    [InlineData("bad-entry-point", "IISM5001", "EntryPoint = \"RegisterModule\"")]
    [InlineData("missing-slot", "IISM2001", "OnEndRequest = &OnEndRequest;")]
    public async Task The_fix_removes_the_finding_and_the_module_still_compiles(string sample, string ruleId, string expectedText)
    {
        var (workspace, project) = Load(sample);
        using (workspace)
        {
            var diagnostic = (await Diagnose(project)).Single(d => d.Id == ruleId);
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            CodeFixProvider fix = ruleId == "IISM5001" ? new EntryPointNameFix() : new MissingSlotFix();
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            var operations = await Assert.Single(actions).GetOperationsAsync(CancellationToken.None);
            var fixedProject = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution.GetProject(project.Id)!;

            var after = await Diagnose(fixedProject);
            Assert.DoesNotContain(after, d => d.Id == ruleId);
            var text = (await fixedProject.GetDocument(document.Id)!.GetTextAsync()).ToString();
            Assert.Contains(expectedText, text);
        }
    }
}
