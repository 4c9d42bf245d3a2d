using System.Diagnostics;

namespace IisModuleValidator.Tests.Binary;

/// <summary>
/// The committed sample binaries are what samples/build.sh makes from the committed sources: rebuilding them
/// (clang-cl-19 + lld-link-19, /Brepro) gives byte-identical files.
/// </summary>
public sealed class SampleRebuildTests
{
    [Fact]
    public async Task Rebuilding_the_samples_gives_byte_identical_binaries()
    {
        using var temp = new TempDirectory();
        var start = new ProcessStartInfo("bash", [Path.Combine(TestPaths.Samples, "build.sh"), "--out", temp.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"samples/build.sh failed:\n{stdout}\n{await stderr}");

        static IEnumerable<string> Relative(string root) =>
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(root, path)).Order(StringComparer.Ordinal);

        Assert.Equal(Relative(TestPaths.SampleBinaries), Relative(temp.Path));
        foreach (var relative in Relative(temp.Path))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(temp.Path, relative)).SequenceEqual(File.ReadAllBytes(TestPaths.Sample(relative))),
                $"{relative} differs from the committed samples/bin/{relative}; run 'bash samples/build.sh' and commit the result");
        }
    }
}
