using IisModuleValidator.Analysis;
using IisModuleValidator.Model;
using IisModuleValidator.Tests.Hostile;

namespace IisModuleValidator.Tests.Binary;

/// <summary>
/// The ARM64 interpreter on code shapes the samples' compiler does not emit all of, assembled with llvm-mc: the
/// constants a mask is built of, a value narrowed through a w register, and instructions it does not model, which make
/// what they write unknown rather than guessed.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class Arm64RecoveryTests
{
    // pInfo->SetRequestNotifications(nullptr, REQUEST, POST) through slot 2 and pInfo->SetGlobalNotifications(nullptr, GLOBAL)
    // through slot 3, the masks computed by the given instructions (w2, w3 for the first call; w2 for the second).
    private static string RegisterModule(string requestMasks, string globalMask) => $"""
        RegisterModule:
            stp x29, x30, [sp, #-32]!
            mov x29, sp
            str x19, [sp, #16]
            mov x19, x1
            ldr x8, [x19]
            ldr x8, [x8, #16]
            mov x0, x19
            mov x1, xzr
        {requestMasks}
            blr x8
            ldr x8, [x19]
            ldr x9, [x8, #24]
            mov x0, x19
            mov x1, xzr
        {globalMask}
            blr x9
            mov w0, wzr
            ldr x19, [sp, #16]
            ldp x29, x30, [sp], #32
            ret
        """;

    private static IReadOnlyList<Registration> Recover(string assembly)
    {
        using var temp = new TempDirectory();
        var dll = CraftedDll.BuildArm64(temp.Path, "masks", assembly);
        var report = new ModuleValidator().Run([dll], temp.Path);
        Assert.Equal("arm64", report.Inputs.Single().Model!.Image!.Machine);
        return report.Inputs.Single().Model!.Registrations;
    }

    [Fact]
    public void Movz_movk_movn_bitmask_immediates_shifted_adds_and_spills_give_the_exact_masks()
    {
        var registrations = Recover(RegisterModule("""
                movz w2, #0x1000, lsl #16
                movk w2, #0x801
                orr w3, wzr, #0x30
                add w3, w3, #1, lsl #12
            """, """
                movn w2, #0xfffe
                str w2, [sp, #28]
                mov w2, wzr
                ldr w2, [sp, #28]
            """));

        Assert.Equal([RegistrationKind.Request, RegistrationKind.Global], registrations.Select(registration => registration.Kind));
        Assert.Equal(0x10000801u, registrations[0].Mask.Value);
        Assert.Equal(0x1030u, registrations[0].PostMask.Value);
        // movn of a w register: ~0xfffe in 32 bits.
        Assert.Equal(0xFFFF0001u, registrations[1].Mask.Value);
    }

    [Fact]
    public void A_pointer_narrowed_to_a_w_register_and_an_instruction_not_modelled_leave_the_masks_unknown()
    {
        var registrations = Recover(RegisterModule("""
                mov w2, w19
                mov w3, #4
                lsl w3, w3, #2
            """, """
                mov w2, #1
                madd w2, w2, w2, w2
            """));

        Assert.All(registrations, registration => Assert.False(registration.Mask.IsKnown));
        Assert.False(registrations[0].PostMask.IsKnown);
        Assert.All(registrations, registration => Assert.Equal(Confidence.Unknown, registration.Confidence));
    }
}
