using System.Text.RegularExpressions;
using IisModuleValidator.FrontEnds.Cpp.Clang;
using IisModuleValidator.FrontEnds.Cpp.Installations;
using IisModuleValidator.FrontEnds.Cpp.Toolchain;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// libclang as hosted Linux runners have it: any /usr/lib/llvm-N from 14 up, each with its own resource headers and the
/// default-error groups of that version. Debian 12 serves libclang1-16, -19 and -22 side by side (.ci/install-packages
/// installs all three); each must report exactly the marked findings on every C++ sample, with no notification.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed partial class LibClangVersionTests
{
    private static readonly int[] DebianVersions = [16, 19, 22];

    [Fact]
    public void Each_installed_llvm_is_found_with_the_resource_headers_of_its_own_version()
    {
        var installed = LlvmInstallation.FindAll();

        foreach (var version in DebianVersions)
        {
            var installation = Assert.Single(installed, candidate => candidate.MajorVersion == version);
            Assert.Equal($"/usr/lib/llvm-{version}/lib/libclang-{version}.so.1", installation.LibClangPath);
            Assert.Equal($"/usr/lib/llvm-{version}/lib/clang/{version}", installation.ResourceDirectory);
        }
        // The newest complete one is used when LIBCLANG_PATH is not set.
        Assert.Equal(installed.Where(candidate => candidate.ResourceDirectory is not null).Max(candidate => candidate.MajorVersion), LibClang.MajorVersion);
    }

    [Fact]
    public async Task The_default_error_table_is_what_each_installed_diagtool_prints()
    {
        var script = Path.Combine(TestPaths.RepositoryRoot, "src", "Analyzer", "FrontEnds", "Cpp", "Toolchain", "clang-default-errors.sh");
        var generated = await TestProcess.Run("bash", [script], TestPaths.RepositoryRoot);
        Assert.Equal(0, generated.ExitCode);

        var printed = VersionBlock().Matches(generated.StandardOutput)
            .ToDictionary(block => int.Parse(block.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                block => Regex.Matches(block.Groups[2].Value, "\"([^\"]+)\"").Select(group => group.Groups[1].Value).ToArray());
        Assert.Contains(19, printed.Keys); // clang-tools-19 is installed for clang-cl
        foreach (var (version, groups) in printed)
        {
            Assert.Equal(groups, ClangDefaultErrors.GroupsByMajorVersion[version]);
            Assert.Equal(groups, CppToolchain.DefaultErrorGroups(version));
        }
        // A version not in the table gets every group that any version has.
        Assert.Superset(ClangDefaultErrors.GroupsByMajorVersion[22].ToHashSet(), CppToolchain.DefaultErrorGroups(21).ToHashSet());
        Assert.Superset(ClangDefaultErrors.GroupsByMajorVersion[16].ToHashSet(), CppToolchain.DefaultErrorGroups(21).ToHashSet());
    }

    /// <summary>The Debian versions besides the one this process loaded (CppSampleTests covers that one in-process).</summary>
    public static TheoryData<int> OtherVersions() => new(DebianVersions.Where(version => version != LibClang.MajorVersion));

    [Theory]
    [MemberData(nameof(OtherVersions))]
    public async Task Every_cpp_sample_reports_its_marked_findings_with_this_libclang(int version)
    {
        using var temp = new TempDirectory();
        var validator = Path.Combine(AppContext.BaseDirectory, "iis-module-validator.dll");

        var run = await TestProcess.Run(Io.DotnetHost.Executable!, ["exec", validator, "check", "samples/cpp", "--format", "msbuild", "--verbose", "--cache-dir", temp.Path],
            TestPaths.RepositoryRoot, new Dictionary<string, string?>
            {
                ["LIBCLANG_PATH"] = $"/usr/lib/llvm-{version}/lib/libclang-{version}.so.1",
            });

        Assert.Contains($"libclang-{version}.so.1", run.StandardError);
        Assert.Contains($"/usr/lib/llvm-{version}/lib/clang/{version}", run.StandardError);
        var reported = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => MsBuildLine().Match(line))
            .Select(match => Assert.IsType<Match>(match) is { Success: true } ? SourceExpectations.Key(Path.Combine(TestPaths.RepositoryRoot, match.Groups["file"].Value),
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0, match.Groups["id"].Value) : $"unparsed: {match.Value}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(SourceExpectations.For(Path.Combine(TestPaths.Samples, "cpp")), reported);
    }

    [GeneratedRegex(@"\[(\d+)\] =\s*\[(.*?)\],", RegexOptions.Singleline)]
    private static partial Regex VersionBlock();

    [GeneratedRegex(@"^(?<file>samples/[^(:]+)(?:\((?<line>\d+)(?:,\d+)*\))?: (?:error|warning|info|note) (?<id>IISM\d{4}): ")]
    private static partial Regex MsBuildLine();
}
