using IisModuleValidator.Analysis;
using IisModuleValidator.Catalog;
using IisModuleValidator.Cli;

namespace IisModuleValidator.Tests.Cli;

/// <summary>`check` driven through its settings, without a command line: what a host such as the MSBuild task or a test would do.</summary>
public sealed class CheckRunTests
{
    private static CheckSettings Settings(string output, params string[] inputs) => new(
        inputs, TestPaths.RepositoryRoot, "msbuild", Output: null,
        SarifFiles: [("--sarif-output", "the SARIF report", output)], Baseline: null, RuleLevel.Error, Quiet: false, Verbose: false,
        new AnalysisOptions(ParseCacheDirectory: null));

    [Fact]
    public void One_run_prints_msbuild_lines_writes_the_sarif_file_and_exits_on_the_findings()
    {
        using var folder = new TempDirectory();
        var sarifPath = Path.Combine(folder.Path, "out.sarif");
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = new CheckRun(Settings(sarifPath, "samples/bin/x64/no-export.dll", "samples/bin/x64/request-module.dll"), output, error, showProgress: false).Execute();

        Assert.Equal(CommandLine.FindingsAtOrAboveThreshold, exit);
        Assert.Contains("samples/bin/x64/no-export.dll: error IISM1001:", output.ToString());
        Assert.DoesNotContain("request-module", output.ToString());
        var sarif = File.ReadAllText(sarifPath);
        Assert.Contains("\"ruleId\": \"IISM1001\"", sarif);
        Assert.Contains("2 file(s) analyzed, 1 with findings; 1 error(s)", error.ToString());
    }

    [Fact]
    public void An_output_that_is_an_input_is_refused_before_anything_is_analyzed_or_written()
    {
        using var folder = new TempDirectory();
        var input = folder.File("m.dll", File.ReadAllBytes(TestPaths.Sample("x64/no-export.dll")));
        var error = new StringWriter();

        var exit = new CheckRun(Settings(input, input), new StringWriter(), error, showProgress: false).Execute();

        Assert.Equal(CommandLine.UsageErrorOrNothingAnalyzed, exit);
        Assert.Contains("--sarif-output", error.ToString());
        Assert.Contains("refusing to overwrite it", error.ToString());
        Assert.DoesNotContain("analyzed", error.ToString());
        Assert.Equal(File.ReadAllBytes(TestPaths.Sample("x64/no-export.dll")), File.ReadAllBytes(input));
    }
}
