using System.Text;
using IisModuleValidator.Analysis;

namespace IisModuleValidator.Tests.Binary;

/// <summary>Bad inputs become notifications that name the file and the reason; the other inputs are still reported.</summary>
public sealed class BadInputTests
{
    private static readonly byte[] RequestModule = File.ReadAllBytes(TestPaths.Sample("x64/request-module.dll"));
    private static readonly byte[] NoExport = File.ReadAllBytes(TestPaths.Sample("x64/no-export.dll"));

    private static AnalysisReport Run(string baseDirectory, params string[] inputs) => new ModuleValidator().Run(inputs, baseDirectory);

    private static void AssertNoExportStillReported(AnalysisReport report, string path) =>
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM1001" && finding.Location.FilePath == path);

    [Theory]
    [InlineData("text.dll", "it is text", 0)]
    [InlineData("empty.dll", "the file is empty (0 bytes)", -1)]
    [InlineData("tiny.dll", "shorter than the 64-byte DOS header", 32)]
    [InlineData("headless.dll", "beyond the end of the file", 100)]
    [InlineData("sectionless.dll", "truncated:", 1024)]
    public void A_broken_file_is_a_notification_and_the_good_file_is_still_checked(string name, string reason, int keepBytes)
    {
        using var temp = new TempDirectory();
        var content = keepBytes switch
        {
            0 => Encoding.ASCII.GetBytes("This is not a DLL, just a text file someone renamed.\n"),
            -1 => [],
            _ => RequestModule[..keepBytes],
        };
        var broken = temp.File(name, content);
        var good = temp.File("no-export.dll", NoExport);

        var report = Run(temp.Path, broken, good);

        var notification = Assert.Single(report.Notifications);
        Assert.Equal("IISM9003", notification.RuleId);
        Assert.Equal(broken, notification.FilePath);
        Assert.Contains(reason, notification.Message);
        AssertNoExportStillReported(report, good);
        Assert.Equal(1, report.AnalyzedCount);
    }

    [Fact]
    public void Truncating_a_real_DLL_anywhere_never_throws()
    {
        using var temp = new TempDirectory();
        for (var length = 0; length < RequestModule.Length; length += 97)
        {
            var path = temp.File($"cut{length}.dll", RequestModule[..length]);
            var report = Run(temp.Path, path);
            Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
        }
    }

    [Fact]
    public void A_missing_path_is_named_and_the_rest_is_checked()
    {
        using var temp = new TempDirectory();
        var good = temp.File("no-export.dll", NoExport);
        var report = Run(temp.Path, "does-not-exist.dll", good);

        var notification = Assert.Single(report.Notifications);
        Assert.Equal("IISM9001", notification.RuleId);
        Assert.Equal("'does-not-exist.dll' does not exist", notification.Message);
        AssertNoExportStillReported(report, good);
    }

    [Fact]
    public void An_unreadable_file_is_named_with_the_reason()
    {
        // /proc/self/mem exists but reading it from the start fails with an I/O error.
        var report = Run(TestPaths.RepositoryRoot, "/proc/self/mem", TestPaths.Sample("x64/no-export.dll"));
        var notification = Assert.Single(report.Notifications);
        Assert.Equal("IISM9002", notification.RuleId);
        Assert.Equal("/proc/self/mem", notification.FilePath);
        AssertNoExportStillReported(report, TestPaths.Sample("x64/no-export.dll"));
    }

    [Fact]
    public void A_folder_of_mixed_files_checks_the_dlls_and_names_the_bad_one()
    {
        using var temp = new TempDirectory();
        var good = temp.File("modules/good.dll", RequestModule);
        var broken = temp.File("modules/nested/no-export.dll", NoExport);
        var text = temp.File("modules/notes.dll", Encoding.ASCII.GetBytes("release notes\n"));
        temp.File("modules/readme.txt", Encoding.ASCII.GetBytes("not an input"));

        var report = Run(temp.Path, "modules");

        Assert.Equal([good, broken, text], report.Inputs.Select(input => input.FullPath));
        Assert.Equal(text, Assert.Single(report.Notifications).FilePath);
        Assert.Equal(broken, Assert.Single(report.Findings).Location.FilePath);
    }

    [Fact]
    public void Patterns_with_double_star_match_below_every_folder()
    {
        var report = Run(TestPaths.RepositoryRoot, "samples/bin/**/request-*.dll");
        Assert.Equal(
            ["arm64/request-and-global.dll", "arm64/request-module.dll", "arm64ec/request-module.dll", "arm64x/request-module.dll",
                "x64/request-and-global.dll", "x64/request-module.dll", "x86/request-and-global.dll", "x86/request-module.dll"],
            report.Inputs.Select(input => Path.GetRelativePath(TestPaths.SampleBinaries, input.FullPath).Replace('\\', '/')));
        // Only the hybrid images' code that is not recovered.
        Assert.Equal(["IISM9009", "IISM9009"], report.Notifications.Select(notification => notification.RuleId));
    }

    [Fact]
    public void A_pattern_or_folder_that_matches_nothing_is_a_notification()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(temp.Path, "empty"));
        var report = Run(temp.Path, "nothing/**/*.dll", "empty");
        Assert.Equal(
            ["'empty' is a folder with no *.dll, project or C++ source in it", "'nothing/**/*.dll' matched no file"],
            report.Notifications.Select(notification => notification.Message).Order(StringComparer.Ordinal));
        Assert.Equal(0, report.AnalyzedCount);
    }

    [Fact]
    public void The_same_file_given_twice_is_checked_once()
    {
        var path = TestPaths.Sample("x64/no-export.dll");
        var report = Run(TestPaths.RepositoryRoot, path, "samples/bin/x64/no-export.dll", "samples/bin/x64/*.dll");
        Assert.Single(report.Findings, finding => finding.Location.FilePath == path);
    }
}
