extern alias ide;

using System.Collections.Immutable;
using System.Diagnostics;
using IisModuleValidator.Catalog;
using IisModuleValidator.Tests.Cpp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using IdeAnalyzer = ide::IisModuleValidator.IdeAnalyzer.IisModuleAnalyzer;

namespace IisModuleValidator.Tests.CSharp;

/// <summary>The Roslyn DiagnosticAnalyzer: the same findings as the command line, with the catalog's ids and help links.</summary>
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
              </ItemGroup>
            </Project>
            """);
        var start = new ProcessStartInfo("dotnet", ["build", project, "-nologo", "-clp:NoSummary"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = temp.Path,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        await error;
        return (process.ExitCode, output);
    }
}
