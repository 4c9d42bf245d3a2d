using IisModuleValidator.Analysis;
using IisModuleValidator.Tests.Hostile;

namespace IisModuleValidator.Tests.Binary;

/// <summary>
/// x86 shapes that real compilers emit around RegisterModule: a WINAPI call before the registration (the callee pops
/// its arguments), and a mask that equals an address of the image at the default DLL base.
/// </summary>
public sealed class X86ConventionTests
{
    // pModuleInfo->SetRequestNotifications(NULL, MASK, 0) through slot 2, 'this' in ECX (thiscall).
    private static string Register(string mask) => $"""
            mov ecx, dword ptr [esp + 8]
            mov eax, dword ptr [ecx]
            push 0
            push {mask}
            push 0
            call dword ptr [eax + 8]
            xor eax, eax
            ret 12
        """;

    private static Model.Registration Recovered(string dll)
    {
        var report = new ModuleValidator().Run([dll], Path.GetDirectoryName(dll)!);
        return Assert.Single(report.Inputs.Single().Model!.Registrations);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/BASE:0x20000000")]
    public void A_mask_with_RQ_CUSTOM_NOTIFICATION_is_a_value_at_any_base(string? baseOption)
    {
        using var temp = new TempDirectory();
        // RQ_CUSTOM_NOTIFICATION | RQ_BEGIN_REQUEST = 0x10000001: at lld-link's default x86 base it is an address in the image.
        var dll = CraftedDll.Build(temp.Path, "custom-mask", "_RegisterModule:\n" + Register("0x10000001"), x86: true,
            baseOption is null ? [] : [baseOption]);

        Assert.Equal(0x10000001u, Recovered(dll).Mask.Value);
    }

    [Fact]
    public void A_mask_built_by_or_on_the_base_address_is_a_value()
    {
        using var temp = new TempDirectory();
        var dll = CraftedDll.Build(temp.Path, "or-mask", """
            _RegisterModule:
                mov edx, 0x10000000
                or edx, 0x800
                mov ecx, dword ptr [esp + 8]
                mov eax, dword ptr [ecx]
                push 0
                push edx
                push 0
                call dword ptr [eax + 8]
                xor eax, eax
                ret 12
            """, x86: true);

        Assert.Equal(0x10000800u, Recovered(dll).Mask.Value);
    }

    [Fact]
    public void A_stdcall_api_called_before_the_registration_keeps_the_stack_known()
    {
        using var temp = new TempDirectory();
        var def = temp.File("kernel32.def", "LIBRARY kernel32.dll\nEXPORTS\n    Sleep@4\n"u8.ToArray());
        var lib = Path.Combine(temp.Path, "kernel32.lib");
        CraftedDll.Run("llvm-dlltool-19", "-m", "i386", "-k", "-d", def, "-l", lib);
        // Sleep(0) first, as an inlined constructor calling an API does: Sleep pops its 4 bytes.
        var dll = CraftedDll.Build(temp.Path, "sleep-first", """
            _RegisterModule:
                push 0
                call dword ptr ["__imp__Sleep@4"]
            """ + "\n" + Register("0x801"), x86: true, lib);

        var registration = Recovered(dll);
        Assert.Equal(0x801u, registration.Mask.Value); // RQ_BEGIN_REQUEST | RQ_END_REQUEST
        Assert.Equal(0u, registration.PostMask.Value);
    }
}
