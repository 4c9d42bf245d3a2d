using System.Diagnostics;

namespace IisModuleValidator.Tests.Binary;

/// <summary>
/// Builds the samples once, optimised (/O2, as committed), unoptimised (/Od), with RTTI (/GR) and with Control Flow Guard
/// (/guard:cf) and with the shapes of an MSVC Debug build (samples/toolchain/msvc-debug-shapes.awk), with linker maps, into
/// a temporary folder for the tests that need a fresh build.
/// </summary>
public sealed class SampleBuildFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public static readonly string[] Variants = ["O2", "Od", "GR", "CFG", "MSVCDebug"];

    public string Binaries => BinariesOf("O2");

    public string BinariesOf(string variant) => Path.Combine(_temp.Path, variant, "bin");

    public string MapsOf(string variant) => Path.Combine(_temp.Path, variant, "maps");

    public async Task InitializeAsync()
    {
        foreach (var variant in Variants)
        {
            await Build(variant);
        }
    }

    private async Task Build(string variant)
    {
        string[] optimisation = variant switch { "Od" => ["--od"], "GR" => ["--gr"], "CFG" => ["--guard-cf"], "MSVCDebug" => ["--msvc-debug"], _ => [] };
        var start = new ProcessStartInfo("bash", [Path.Combine(TestPaths.Samples, "build.sh"), "--out", BinariesOf(variant), "--maps", MapsOf(variant), .. optimisation])
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
