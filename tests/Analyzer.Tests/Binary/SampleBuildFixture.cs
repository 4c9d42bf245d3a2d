using System.Diagnostics;

namespace IisModuleValidator.Tests.Binary;

/// <summary>
/// Builds the samples, with linker maps (nm for mingw), into a temporary folder for the tests that need a fresh build:
/// optimised (/O2, as committed), unoptimised (/Od), with RTTI (/GR), with Control Flow Guard (/guard:cf), with the
/// shapes of an MSVC Debug build (samples/toolchain/msvc-debug-shapes.awk), and with g++-mingw-w64 at -O2 and -O0.
/// </summary>
public sealed class SampleBuildFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> _builds = new();

    public static readonly string[] Variants = ["O2", "Od", "GR", "CFG", "MSVCDebug", "MingwO2", "MingwO0"];

    public string Binaries => BinariesOf("O2");

    /// <summary>The DLLs of a variant, built on first use (a test run filtered to one variant builds only that one).</summary>
    public string BinariesOf(string variant)
    {
        _ = _builds.GetOrAdd(variant, name => new Lazy<string>(() => { Build(name).GetAwaiter().GetResult(); return name; })).Value;
        return Path.Combine(_temp.Path, variant, "bin");
    }

    public string MapsOf(string variant)
    {
        BinariesOf(variant);
        return Path.Combine(_temp.Path, variant, "maps");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task Build(string variant)
    {
        string[] optimisation = variant switch { "Od" => ["--od"], "GR" => ["--gr"], "CFG" => ["--guard-cf"], "MSVCDebug" => ["--msvc-debug"], "MingwO2" => ["--mingw"], "MingwO0" => ["--mingw", "--od"], _ => [] };
        var start = new ProcessStartInfo("bash", [Path.Combine(TestPaths.Samples, "build.sh"), "--out", Path.Combine(_temp.Path, variant, "bin"), "--maps", Path.Combine(_temp.Path, variant, "maps"), .. optimisation])
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
