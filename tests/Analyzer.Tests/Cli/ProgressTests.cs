using IisModuleValidator.Analysis;
using IisModuleValidator.Cli;

namespace IisModuleValidator.Tests.Cli;

/// <summary>The progress line for people at a terminal, and --quiet for scripts that want the report alone.</summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class ProgressTests
{
    [Fact]
    public void Progress_counts_every_input_and_ends_on_a_cleared_line()
    {
        var error = new StringWriter();
        var progress = new ProgressLine(error, enabled: true);
        var seen = new List<InputProgress>();

        new ModuleValidator().Run(["samples/bin/x64", "samples/cpp/request-module/request-module.vcxproj"], TestPaths.RepositoryRoot,
            new AnalysisOptions(Progress: new Recorder(seen, progress)));
        progress.Clear();

        var total = seen[0].Total;
        Assert.Equal(Directory.EnumerateFiles(TestPaths.Sample("x64"), "*.dll").Count() + 1, total);
        Assert.Equal(total, seen.Max(report => report.Done));
        Assert.Contains(seen, report => report.Current.EndsWith("request-module.vcxproj", StringComparison.Ordinal) && report.Done < total);
        var text = error.ToString();
        Assert.StartsWith("\r\u001b[K[", text);
        Assert.Contains($"/{total}] ", text);
        Assert.EndsWith("\r\u001b[K", text);
    }

    [Fact]
    public void Nothing_is_drawn_when_standard_error_is_not_a_terminal()
    {
        var error = new StringWriter();
        var progress = new ProgressLine(error, enabled: false);
        progress.Report(new InputProgress(1, 2, "a.dll"));
        progress.Clear();
        Assert.Equal("", error.ToString());
        // In-process runs write to a StringWriter, never the console: no progress, only the summary.
        var (_, _, summary) = CliRun.Run("check", "--base-dir", TestPaths.RepositoryRoot, "samples/bin/x64/request-module.dll");
        Assert.StartsWith("iis-module-validator: 1 file(s) analyzed", summary);
    }

    [Fact]
    public void Quiet_prints_the_report_alone()
    {
        var (exit, output, error) = CliRun.Run("check", "--quiet", "--base-dir", TestPaths.RepositoryRoot, "samples/bin/x64/missing-handler.dll");

        Assert.Equal(1, exit);
        Assert.Equal("", error);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private sealed class Recorder(List<InputProgress> seen, IProgress<InputProgress> next) : IProgress<InputProgress>
    {
        public void Report(InputProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
            next.Report(value);
        }
    }
}
