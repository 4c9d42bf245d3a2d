using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using IisModuleValidator.FrontEnds.Binary;

namespace IisModuleValidator.Tests.Binary;

/// <summary>Our export/import reader against llvm-readobj's reading of the same sample DLLs.</summary>
public sealed partial class PeImageReaderTests
{
    public static TheoryData<string> Samples() =>
        new(Directory.EnumerateFiles(TestPaths.SampleBinaries, "*.dll", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.SampleBinaries, path)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Exports_match_llvm_readobj(string sample)
    {
        var image = PeImageReader.Read(File.ReadAllBytes(TestPaths.Sample(sample)));
        var expected = ReadObj("--coff-exports", sample);
        var exports = ExportBlock().Matches(expected).Select(match => (
            Ordinal: uint.Parse(match.Groups["ordinal"].Value, CultureInfo.InvariantCulture),
            Name: match.Groups["name"].Value.Trim(),
            Rva: match.Groups["rva"].Success ? Convert.ToUInt32(match.Groups["rva"].Value, 16) : (uint?)null,
            Forwarder: match.Groups["forward"].Success ? match.Groups["forward"].Value : null)).ToList();

        Assert.Equal(exports.Count, image.Exports.Count);
        foreach (var (ordinal, name, rva, forwarder) in exports)
        {
            var export = image.Exports.Single(export => export.Ordinal == ordinal);
            Assert.Equal(name, export.Name ?? "");
            Assert.Equal(forwarder, export.Forwarder);
            if (rva is { } address)
            {
                Assert.Equal(address, export.Rva);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Imports_match_llvm_readobj(string sample)
    {
        var image = PeImageReader.Read(File.ReadAllBytes(TestPaths.Sample(sample)));
        var expected = ImportBlock().Matches(ReadObj("--coff-imports", sample)).Select(match => (
            Dll: match.Groups["dll"].Value,
            Functions: match.Groups["symbol"].Captures.Select(capture => capture.Value).ToList())).ToList();
        Assert.Equal(expected.Select(import => import.Dll), image.Imports.Select(import => import.DllName));
        Assert.Equal(expected.Select(import => import.Functions), image.Imports.Select(import => import.Functions.ToList()));
    }

    [Theory]
    [InlineData("x64/request-module.dll", "x64", true)]
    [InlineData("x86/request-module.dll", "x86", false)]
    [InlineData("x64/exe-module.dll", "x64", true)]
    public void Machine_and_kind_come_from_the_headers(string sample, string machine, bool is64)
    {
        var image = PeImageReader.Read(File.ReadAllBytes(TestPaths.Sample(sample)));
        Assert.Equal(machine, image.Machine);
        Assert.Equal(is64, image.Is64Bit);
        Assert.Equal(!sample.Contains("exe-module"), image.IsDll);
        Assert.False(image.IsManaged);
    }

    [GeneratedRegex(@"Export \{\s*Ordinal: (?<ordinal>\d+)\s*Name: (?<name>[^\n]*)\n\s*(?:RVA: 0x(?<rva>[0-9A-F]+)|ForwardedTo: (?<forward>[^\n]+))")]
    private static partial Regex ExportBlock();

    [GeneratedRegex(@"Import \{\s*Name: (?<dll>[^\n]+)\n(?:[^}]*?Symbol: (?<symbol>\S+) \(\d+\))*")]
    private static partial Regex ImportBlock();

    private static string ReadObj(string what, string sample)
    {
        var start = new ProcessStartInfo("llvm-readobj-19", [what, TestPaths.Sample(sample)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("llvm-readobj-19 did not start (install llvm-19)");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"llvm-readobj-19 {what} {sample}: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
