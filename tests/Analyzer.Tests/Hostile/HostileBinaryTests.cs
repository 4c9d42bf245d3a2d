using IisModuleValidator.Analysis;

namespace IisModuleValidator.Tests.Hostile;

/// <summary>Crafted and mutated DLLs end in a report: bounded recovery, no internal failure, every input named.</summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class HostileBinaryTests
{
    [Fact]
    public void Nested_constructor_loops_spend_one_budget_and_the_good_modules_beside_them_are_reported()
    {
        using var temp = new TempDirectory();
        var crafted = CraftedDll.Build(temp.Path, "ctor-chain", CraftedDll.ConstructorChain(10000, 9000, 2500));
        var samples = Directory.GetFiles(TestPaths.SampleBinaries, "*.dll", SearchOption.AllDirectories);

        var report = new ModuleValidator().Run([crafted, .. samples], temp.Path);

        var notes = report.Notifications.Where(notification => notification.FilePath == crafted).ToList();
        Assert.All(notes, note => Assert.Equal("IISM9009", note.RuleId));
        Assert.Contains(notes, note => note.Message.Contains("recovery budget was exceeded"));
        Assert.DoesNotContain(report.Findings, finding => finding.Location.FilePath == crafted && finding.RuleId.StartsWith("IISM2", StringComparison.Ordinal));
        // Every sample still gives its findings: the missing handler among them.
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001" && finding.Location.FilePath.EndsWith("x86/missing-handler.dll", StringComparison.Ordinal));
        Assert.Equal(samples.Length + 1, report.AnalyzedCount);
    }

    [Fact]
    public void Nested_constructor_loops_in_arm64_code_spend_the_same_budget()
    {
        using var temp = new TempDirectory();
        var crafted = CraftedDll.BuildArm64(temp.Path, "ctor-chain-arm64", CraftedDll.ConstructorChainArm64(10000, 9000, 2500));
        var sample = TestPaths.Sample("arm64/missing-handler.dll");

        var report = new ModuleValidator().Run([crafted, sample], temp.Path);

        Assert.Contains(report.Notifications, note => note.FilePath == crafted && note.RuleId == "IISM9009" && note.Message.Contains("recovery budget was exceeded"));
        Assert.DoesNotContain(report.Findings, finding => finding.Location.FilePath == crafted && finding.RuleId.StartsWith("IISM2", StringComparison.Ordinal));
        Assert.Equal(2, report.Findings.Count(finding => finding.RuleId == "IISM2001" && finding.Location.FilePath == sample));
    }

    [Fact]
    public void Only_priority_calls_recovered_is_a_note()
    {
        using var temp = new TempDirectory();
        // pInfo->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST, L"HIGH") through slot 4 of the vtable, nothing else.
        var dll = CraftedDll.Build(temp.Path, "priority-only", """
            RegisterModule:
                sub rsp, 40
                mov rcx, rdx
                mov rax, [rdx]
                mov edx, 1
                lea r8, [rip + High]
                call qword ptr [rax + 32]
                xor eax, eax
                add rsp, 40
                ret
            High:
                .short 'H', 'I', 'G', 'H', 0
            """);

        var report = new ModuleValidator().Run([dll], temp.Path);

        Assert.Contains(report.Notifications, notification => notification.RuleId == "IISM9009" && notification.Message.Contains("only SetPriorityFor"));
    }

    [Fact]
    public void A_section_raw_data_pointer_with_the_high_bit_set_is_a_bad_image_not_an_internal_failure()
    {
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(TestPaths.Sample("x64/request-module.dll"));
        var peOffset = BitConverter.ToInt32(bytes, 0x3C);
        var optionalHeaderSize = BitConverter.ToUInt16(bytes, peOffset + 20);
        var firstSection = peOffset + 24 + optionalHeaderSize;
        var rawPointer = firstSection + 20;
        BitConverter.GetBytes(BitConverter.ToUInt32(bytes, rawPointer) | 0x80000000).CopyTo(bytes, rawPointer);
        var path = temp.File("high-bit.dll", bytes);

        var report = new ModuleValidator().Run([path], temp.Path);

        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
        Assert.NotEmpty(report.Notifications.Where(notification => notification.FilePath == path).Concat<object>(report.Findings.Where(finding => finding.Location.FilePath == path)));
    }

    [Fact]
    public void Mutated_sample_dlls_never_fail_internally_and_never_go_unreported()
    {
        using var temp = new TempDirectory();
        var seeds = Directory.GetFiles(TestPaths.SampleBinaries, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var mutants = PeMutator.Mutants(seeds.Select(File.ReadAllBytes).ToList(), count: 2000, seed: 1).ToList();
        var paths = mutants.Select((bytes, index) => temp.File($"mutant{index:D4}.dll", bytes)).ToList();

        var report = new ModuleValidator().Run(paths, temp.Path);

        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
        var reported = report.Notifications.Select(notification => notification.FilePath)
            .Concat(report.Findings.Select(finding => finding.Location.FilePath))
            .Concat(report.Inputs.Where(input => input.WasAnalyzed).Select(input => input.FullPath))
            .ToHashSet(StringComparer.Ordinal);
        Assert.All(paths, path => Assert.Contains(path, reported));
    }

    [Fact]
    public void A_dll_with_32000_sections_and_65000_exports_is_read_whole()
    {
        using var temp = new TempDirectory();
        var dll = CraftedDll.ManySectionsAndExports(temp.Path, sections: 32_000, exports: 65_000);

        var report = new ModuleValidator().Run([dll], temp.Path);

        var image = report.Inputs.Single().Model!.Image!;
        Assert.Equal(65_001, image.Exports.Count(export => export.Name is not null));
        Assert.Contains(image.Exports, export => export.Name == "RegisterModule");
        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId is "IISM9003" or "IISM9004");
    }
}
