using System.Text.RegularExpressions;
using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Model;
using IisModuleValidator.Reporting;

namespace IisModuleValidator.Tests.Reporting;

/// <summary>MSBuild, GitHub and text output of the real samples.</summary>
public sealed class LineReporterTests
{
    private static readonly AnalysisReport Report =
        new ModuleValidator().Run(["samples/bin/x86/dllexport-module.dll", "samples/bin/x64/request-module.dll", "missing.dll"], TestPaths.RepositoryRoot);

    private static string[] Lines(IReporter reporter)
    {
        var writer = new StringWriter();
        reporter.Write(Report, writer);
        return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void MsBuild_lines_are_in_the_canonical_format()
    {
        Assert.Equal(
        [
            "iis-module-validator: error IISM9001: 'missing.dll' does not exist",
            "samples/bin/x86/dllexport-module.dll: error IISM1002: " + Report.Findings.Single().Message,
        ], Lines(new MsBuildReporter()));
        Assert.Matches(new Regex(@"^[^:(]+(\(\d+(,\d+)?\))?: (error|warning|info) IISM\d{4}: .+$"), Lines(new MsBuildReporter())[1]);
    }

    [Fact]
    public void GitHub_annotations_escape_their_properties()
    {
        var lines = Lines(new GitHubReporter(RuleCatalog.Default));
        Assert.Equal("::error title=IISM9001 An input path or pattern matched no file::'missing.dll' does not exist", lines[0]);
        Assert.StartsWith("::error file=samples/bin/x86/dllexport-module.dll,title=IISM1002 RegisterModule is exported only under a decorated or mangled name::'RegisterModule' is exported only as '_RegisterModule@12'", lines[1]);
    }

    [Fact]
    public void Text_output_lists_every_file_with_its_machine()
    {
        var lines = Lines(new TextReporter(RuleCatalog.Default));
        Assert.Contains("samples/bin/x64/request-module.dll (x64 DLL): ok", lines);
        Assert.Contains("samples/bin/x86/dllexport-module.dll (x86 DLL)", lines);
        Assert.Contains(lines, line => line.Contains("IISM1002 RegisterModule is exported only under a decorated or mangled name (RVA 0x"));
    }

    [Fact]
    public void Azure_DevOps_issues_carry_path_line_and_code_and_escape_what_the_agent_unescapes()
    {
        var lines = Lines(new AzureDevOpsReporter());
        var dll = Path.Combine(TestPaths.RepositoryRoot, "samples/bin/x86/dllexport-module.dll");
        Assert.Equal("##vso[task.logissue type=error;code=IISM9001]'missing.dll' does not exist", lines[0]);
        Assert.Equal($"##vso[task.logissue type=error;sourcepath={dll};code=IISM1002]" + Report.Findings.Single().Message.Replace("%", "%AZP25"), lines[1]);

        var source = new Model.SourceLocation("/src/a;b].cpp", 12, 5);
        var hostile = new AnalysisReport("/", [], [new Finding("x", "IISM2001", RuleLevel.Error, "50% done\n##vso[task.complete result=Succeeded]", source, "k", [])],
            [new ToolNotification("IISM9009", RuleLevel.Note, "a note", "/bin/x.dll")]);
        var writer = new StringWriter();
        new AzureDevOpsReporter().Write(hostile, writer);
        Assert.Equal(
        [
            "/bin/x.dll: note IISM9009: a note",
            "##vso[task.logissue type=error;sourcepath=/src/a%3Bb%5D.cpp;linenumber=12;columnnumber=5;code=IISM2001]50%AZP25 done%0A##vso[task.complete result=Succeeded]",
        ], writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
