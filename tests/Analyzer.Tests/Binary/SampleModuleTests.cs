using IisModuleValidator.Analysis;

namespace IisModuleValidator.Tests.Binary;

/// <summary>The validator on the real sample DLLs reports exactly what samples/expected-findings.txt says.</summary>
public sealed class SampleModuleTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Expected = SampleExpectations.Load();

    private static Dictionary<string, List<string>> FindingsBySample(AnalysisReport report) =>
        report.Inputs.ToDictionary(
            input => Path.GetRelativePath(TestPaths.SampleBinaries, input.FullPath).Replace('\\', '/'),
            input => report.Findings.Where(finding => finding.Location.FilePath == input.FullPath).Select(finding => finding.RuleId)
                .Concat(report.Notifications.Where(notification => notification.FilePath == input.FullPath).Select(notification => notification.RuleId))
                .Order(StringComparer.Ordinal).ToList());

    [Fact]
    public void Every_committed_sample_is_listed_in_the_expectations_and_every_listed_one_exists()
    {
        var committed = Directory.EnumerateFiles(TestPaths.SampleBinaries, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.SampleBinaries, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(Expected.Keys, committed);
    }

    [Fact]
    public void Each_sample_gives_exactly_its_expected_rules()
    {
        var report = new ModuleValidator().Run([TestPaths.SampleBinaries], TestPaths.RepositoryRoot);
        var actual = FindingsBySample(report);
        Assert.Equal(Expected.Keys, actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (sample, rules) in Expected)
        {
            Assert.True(rules.SequenceEqual(actual[sample]), $"{sample}: expected [{string.Join(", ", rules)}], got [{string.Join(", ", actual[sample])}]");
        }
    }

    // Which worker processes load which images: x86 and x64 their own; a native arm64 one ARM64 and ARM64X images; an x64
    // one on ARM64 Windows ("arm64ec") x64, ARM64EC and ARM64X images.
    [Theory]
    [InlineData("x64", "arm64 arm64ec arm64x x86")]
    [InlineData("x86", "arm64 arm64ec arm64x x64")]
    [InlineData("arm64", "arm64ec x64 x86")]
    [InlineData("arm64ec", "arm64 x86")]
    public void Expect_arch_flags_every_binary_a_worker_process_of_that_architecture_cannot_load(string expected, string flaggedFolders)
    {
        var report = new ModuleValidator().Run([TestPaths.SampleBinaries], TestPaths.RepositoryRoot, expected);
        var mismatches = report.Findings.Where(finding => finding.RuleId == "IISM1005")
            .Select(finding => (Sample: Path.GetRelativePath(TestPaths.SampleBinaries, finding.Location.FilePath).Replace('\\', '/'), finding.Message))
            .OrderBy(mismatch => mismatch.Sample, StringComparer.Ordinal).ToList();
        var flagged = flaggedFolders.Split(' ');
        Assert.Equal(Expected.Keys.Where(sample => flagged.Contains(sample.Split('/')[0])), mismatches.Select(mismatch => mismatch.Sample));
        Assert.All(mismatches, mismatch => Assert.Contains($"built for {mismatch.Sample.Split('/')[0]}, but {expected} was expected", mismatch.Message));
    }

    [Fact]
    public void Decorated_names_are_named_in_the_message_with_their_cause()
    {
        var report = new ModuleValidator().Run([TestPaths.Sample("x86/dllexport-module.dll"), TestPaths.Sample("x64/mangled-export.dll")],
            TestPaths.RepositoryRoot);
        Assert.Collection(report.Findings,
            finding => Assert.Contains("'?RegisterModule@@YAJKPEAVIHttpModuleRegistrationInfo@@PEAVIHttpServer@@@Z'", finding.Message),
            finding =>
            {
                Assert.Contains("'_RegisterModule@12'", finding.Message);
                Assert.Contains(".def", finding.Message);
            });
    }

    [Fact]
    public void A_managed_assembly_is_not_a_native_module()
    {
        var managed = typeof(ModuleValidator).Assembly.Location; // a real .NET assembly
        var report = new ModuleValidator().Run([managed], TestPaths.RepositoryRoot);
        var finding = Assert.Single(report.Findings);
        Assert.Equal("IISM1004", finding.RuleId);
        Assert.Contains("managed (.NET) assembly", finding.Message);
    }
}
