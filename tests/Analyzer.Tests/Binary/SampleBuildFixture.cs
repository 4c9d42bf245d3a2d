using System.Diagnostics;

namespace IisModuleValidator.Tests.Binary;

/// <summary>Builds the samples once, with linker maps, into a temporary folder for the tests that need a fresh build.</summary>
public sealed class SampleBuildFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string Binaries => Path.Combine(_temp.Path, "bin");

    public string Maps => Path.Combine(_temp.Path, "maps");

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(TestPaths.Samples, "build.sh"), "--out", Binaries, "--maps", Maps])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"samples/build.sh failed:\n{stdout}\n{await stderr}");
        }
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
