using System.Runtime.InteropServices;

namespace IisModuleValidator.Tests.Binary;

/// <summary>
/// A validator whose Capstone native is missing (a runtime the package has no native for, such as linux-musl in an
/// Alpine container, or a damaged install): each ARM64 DLL gets one IISM9009 line that names the file and runtime to
/// look for, its exports are still checked, and x64 DLLs are recovered as ever. Before, the note carried the runtime's
/// 1,600-character list of every path it had probed.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class MissingDisassemblerTests
{
    [Fact]
    public async Task Without_capstone_arm64_dlls_get_a_one_line_note_and_the_others_are_recovered()
    {
        using var temp = new TempDirectory();
        // The validator as built, without its runtimes/ folder: the natives (Capstone's) live there, the rest beside it.
        var tool = Path.Combine(temp.Path, "tool");
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory))
        {
            temp.File(Path.Combine("tool", Path.GetFileName(file)), File.ReadAllBytes(file));
        }
        var arm64 = TestPaths.Sample("arm64/missing-handler.dll");
        var x64 = TestPaths.Sample("x64/missing-handler.dll");

        var run = await TestProcess.Run("dotnet", [Path.Combine(tool, "iis-module-validator.dll"), "check", arm64, x64, "--format", "msbuild"], temp.Path);

        var lines = run.StandardOutput.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var note = Assert.Single(lines, line => line.StartsWith(arm64, StringComparison.Ordinal));
        Assert.Contains("note IISM9009", note);
        Assert.Contains($"Capstone, the disassembler that decodes ARM64 code, did not load: there is no libcapstone.so for {RuntimeInformation.RuntimeIdentifier} beside the tool", note);
        Assert.True(note.Length < 500, note);
        Assert.Equal(2, lines.Count(line => line.StartsWith(x64, StringComparison.Ordinal) && line.Contains("error IISM2001")));
        Assert.True(run.ExitCode == 1, run.Output);
    }
}
