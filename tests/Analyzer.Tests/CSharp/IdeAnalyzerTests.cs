extern alias fixes;

extern alias ide;

using System.Collections.Immutable;
using IisModuleValidator.Catalog;
using IisModuleValidator.Tests.Cpp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using IdeAnalyzer = ide::IisModuleValidator.IdeAnalyzer.IisModuleAnalyzer;

namespace IisModuleValidator.Tests.CSharp;

/// <summary>The Roslyn DiagnosticAnalyzer: the same findings as the command line, with the catalog's ids and help links.</summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class IdeAnalyzerTests
{
    private static readonly string Root = Path.Combine(TestPaths.Samples, "csharp");

    public static TheoryData<string> Projects() => CSharpSampleTests.Projects();

    private static async Task<ImmutableArray<Diagnostic>> Analyze(string sample)
    {
        var compilation = FrontEnds.CSharp.CSharpFrontEnd.Compile(FrontEnds.CSharp.CSharpProject.Load(Path.Combine(Root, sample, sample + ".csproj")));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers([new IdeAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task The_analyzer_reports_exactly_the_marked_findings(string sample)
    {
        var diagnostics = await Analyze(sample);
        // A squiggle needs a span: every diagnostic covers the token it is about.
        Assert.All(diagnostics, diagnostic => Assert.True(diagnostic.Location.SourceSpan.Length > 0, $"{diagnostic.Id} at {diagnostic.Location} is empty"));
        var actual = diagnostics
            .Select(diagnostic => SourceExpectations.Key(diagnostic.Location.SourceTree!.FilePath, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, diagnostic.Id))
            .Order(StringComparer.Ordinal);
        Assert.Equal(SourceExpectations.For(Path.Combine(Root, sample)), actual);
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public async Task Each_finding_shows_in_the_analysis_of_its_own_document_as_the_IDE_runs_it_while_typing(string sample)
    {
        // The IDE analyzes an open document with its syntax, semantic, symbol and operation actions only; compilation-end
        // diagnostics wait for a full build. Every finding must come out of the document analysis of its own file.
        var compilation = FrontEnds.CSharp.CSharpFrontEnd.Compile(FrontEnds.CSharp.CSharpProject.Load(Path.Combine(Root, sample, sample + ".csproj")));
        var withAnalyzer = compilation.WithAnalyzers([new IdeAnalyzer()]);
        var everything = await withAnalyzer.GetAnalyzerDiagnosticsAsync();
        var perDocument = new List<Diagnostic>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            perDocument.AddRange(await withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None));
        }
        static string Key(Diagnostic diagnostic) => $"{diagnostic.Id} {diagnostic.Location.GetLineSpan()}";
        Assert.Equal(everything.Select(Key).Order(StringComparer.Ordinal), perDocument.Select(Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Descriptors_come_from_the_rule_catalog()
    {
        var analyzer = new IdeAnalyzer();
        Assert.NotEmpty(analyzer.SupportedDiagnostics);
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            var rule = RuleCatalog.Default[descriptor.Id];
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.HelpUri, descriptor.HelpLinkUri);
            Assert.Equal(rule.Category, descriptor.Category);
        }
        var unshipped = File.ReadLines(Path.Combine(TestPaths.RepositoryRoot, "src", "IdeAnalyzer", "AnalyzerReleases.Unshipped.md"))
            .Where(line => line.StartsWith("IISM", StringComparison.Ordinal)).Select(line => line.Split(' ')[0]);
        Assert.Equal(analyzer.SupportedDiagnostics.Select(descriptor => descriptor.Id).Order(), unshipped.Order());
    }

    [Fact]
    public async Task Dotnet_build_of_a_module_that_uses_the_analyzer_shows_the_findings_with_help_links()
    {
        using var temp = new TempDirectory();
        var (exitCode, output) = await BuildWithTheAnalyzer(temp, Directory.EnumerateFiles(Path.Combine(Root, "missing-slot"), "*.cs"));
        Assert.NotEqual(0, exitCode); // IISM2001 is an error
        var markedLine = File.ReadLines(Path.Combine(Root, "missing-slot", "MissingSlotModule.cs")).ToList().FindIndex(line => line.Contains("expect: IISM2001")) + 1;
        Assert.Contains($"MissingSlotModule.cs({markedLine},", output);
        Assert.Contains("error IISM2001: RQ_END_REQUEST is registered for MissingSlotModule", output);
    }

    [Fact]
    public async Task Dotnet_format_applies_the_missing_slot_fix_and_the_module_then_builds_clean()
    {
        // "dotnet format refuses to apply the IISM2001 fix" was the report: a fix without a Fix All provider.
        using var temp = new TempDirectory();
        var project = WriteProjectWithTheAnalyzer(temp, Directory.EnumerateFiles(Path.Combine(Root, "missing-slot"), "*.cs"));
        var restore = await RunDotnet("restore", project);
        Assert.True(restore.ExitCode == 0, restore.Output);
        var format = await RunDotnet("format", "analyzers", project, "--diagnostics", "IISM2001", "--severity", "error", "--no-restore");
        Assert.True(format.ExitCode == 0, format.Output);
        var source = File.ReadAllText(Path.Combine(temp.Path, "MissingSlotModule.cs"));
        Assert.Contains("s_vtbl->OnEndRequest = &OnEndRequest;", source);
        Assert.Contains("private static REQUEST_NOTIFICATION_STATUS OnEndRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider)", source);

        var build = await RunDotnet("build", project, "-nologo", "-clp:NoSummary");
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.DoesNotContain("IISM2001", build.Output);
    }

    [Fact]
    public async Task The_command_line_suppresses_and_grades_CSharp_findings_exactly_as_dotnet_build_does()
    {
        // #pragma warning disable, [SuppressMessage] and an .editorconfig that raises IISM5003 to an error and turns
        // IISM2003 off: the build with the analyzer and the command line must report the same findings at the same levels.
        using var temp = new TempDirectory();
        var sample = Path.Combine(Root, "suppressed-handlers");
        var (_, output) = await BuildWithTheAnalyzer(temp, Directory.EnumerateFiles(sample, "*.cs").Append(Path.Combine(sample, ".editorconfig")));
        var project = Path.Combine(temp.Path, "module.csproj");
        var built = System.Text.RegularExpressions.Regex.Matches(output, @"(\w+\.cs)\((\d+),\d+\): (error|warning|info) (IISM\d{4})")
            .Select(match => $"{match.Groups[1].Value}:{match.Groups[2].Value} {match.Groups[3].Value} {match.Groups[4].Value}")
            .Distinct().Order(StringComparer.Ordinal).ToList();

        var report = new Analysis.ModuleValidator().Run([project], temp.Path);
        var checkedByCli = report.Active
            .Select(finding => $"{Path.GetFileName(finding.Location.FilePath)}:{finding.Location.Line} {(finding.Level == RuleLevel.Note ? "info" : finding.Level.ToWord())} {finding.RuleId}")
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["AuditModule.cs:57 error IISM5003"], built);
        Assert.Equal(built, checkedByCli);
        Assert.Equal(2, report.SuppressedCount);
    }

    /// <summary>
    /// `dotnet build` of a module made of <paramref name="files"/> and the samples' interop, with our analyzer as a
    /// package would add it: the exit code and what the build printed.
    /// </summary>
    private static async Task<(int ExitCode, string Output)> BuildWithTheAnalyzer(TempDirectory temp, IEnumerable<string> files)
    {
        var project = WriteProjectWithTheAnalyzer(temp, files);
        var build = await RunDotnet("build", project, "-nologo", "-clp:NoSummary");
        return (build.ExitCode, build.StandardOutput);
    }

    /// <summary>A module project of the given sources and the samples' interop, with the analyzer and its code fixes.</summary>
    private static string WriteProjectWithTheAnalyzer(TempDirectory temp, IEnumerable<string> files)
    {
        foreach (var file in files.Concat(Directory.EnumerateFiles(Path.Combine(Root, "Interop"), "*.cs")))
        {
            File.Copy(file, Path.Combine(temp.Path, Path.GetFileName(file)));
        }
        var project = Path.Combine(temp.Path, "module.csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
              </PropertyGroup>
              <ItemGroup>
                <Analyzer Include="{typeof(IdeAnalyzer).Assembly.Location}" />
                <Analyzer Include="{typeof(fixes::IisModuleValidator.IdeCodeFixes.MissingSlotFix).Assembly.Location}" />
              </ItemGroup>
            </Project>
            """);
        return project;
    }

    /// <summary>`dotnet VERB PROJECT …` in the project's folder.</summary>
    private static Task<ProcessRun> RunDotnet(params string[] arguments) =>
        TestProcess.Run("dotnet", arguments, Path.GetDirectoryName(arguments[1]));
}
