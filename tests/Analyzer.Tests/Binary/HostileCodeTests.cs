using IisModuleValidator.Analysis;

namespace IisModuleValidator.Tests.Binary;

/// <summary>The code interpreter is bounded: loops, garbage and huge functions end with a note, never a hang or a guess.</summary>
public sealed class HostileCodeTests
{
    private static AnalysisReport WithRegisterModuleCode(string sample, Func<int, byte[]> code)
    {
        var bytes = File.ReadAllBytes(TestPaths.Sample(sample));
        var image = FrontEnds.Binary.PeImageReader.Open(bytes);
        var entry = image.Facts.Exports.Single(export => export.Name == "RegisterModule");
        var offset = image.Bytes.ToFileOffset(entry.Rva, 64, "RegisterModule");
        var replacement = code(64);
        Array.Copy(replacement, 0, bytes, offset, replacement.Length);
        var temp = new TempDirectory();
        try
        {
            return new ModuleValidator().Run([temp.File("hostile.dll", bytes)], temp.Path);
        }
        finally
        {
            temp.Dispose();
        }
    }

    public static TheoryData<string, string> Shapes() => new()
    {
        { "x64/missing-handler.dll", "loop" },
        { "x86/missing-handler.dll", "loop" },
        { "x64/missing-handler.dll", "garbage" },
        { "x86/missing-handler.dll", "branches" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Hostile_RegisterModule_code_gives_a_note_and_no_finding(string sample, string shape)
    {
        var random = new Random(7);
        var report = WithRegisterModuleCode(sample, length => shape switch
        {
            "loop" => [0xEB, 0xFE], // jmp $
            "garbage" => [.. Enumerable.Range(0, length).Select(_ => (byte)random.Next(256))],
            // A chain of conditional jumps back to the start: every path forks until the budget ends it.
            _ => [.. Enumerable.Range(0, length / 2).SelectMany(i => new byte[] { 0x74, (byte)(0xFE - 2 * i) })],
        });
        Assert.DoesNotContain(report.Findings, finding => finding.RuleId.StartsWith("IISM2", StringComparison.Ordinal));
        Assert.Contains(report.Notifications, notification => notification.RuleId == "IISM9009");
        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
    }
}
