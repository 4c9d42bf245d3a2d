using IisModuleValidator.Analysis;
using IisModuleValidator.Tests.Hostile;

namespace IisModuleValidator.Tests.Binary;

/// <summary>
/// MSVC Debug builds link incrementally: every call, export and vtable slot goes through a table of 'jmp rel32' thunks
/// (the ILT), and an import through one more 'jmp [IAT]' thunk. The recovery must see through them: here the base
/// default handler reaches DebugBreak only through two thunks, and RQ_END_REQUEST is registered without an override.
/// </summary>
public sealed class IncrementalLinkingTests
{
    private const string Module = """
        RegisterModule:
            push rbx
            sub rsp, 32
            mov rbx, rdx
            call ILT_Allocate
            lea rcx, [rip + FactoryVtbl]
            mov qword ptr [rax], rcx
            mov rcx, rbx
            mov rdx, rax
            mov r8d, 0x801
            xor r9d, r9d
            mov rax, qword ptr [rbx]
            call qword ptr [rax + 16]
            add rsp, 32
            pop rbx
            ret
        Allocate:
            ret
        GetHttpModule:
            push rbx
            sub rsp, 32
            mov rbx, rdx
            call ILT_Allocate
            lea rcx, [rip + ModuleVtbl]
            mov qword ptr [rax], rcx
            mov qword ptr [rbx], rax
            xor eax, eax
            add rsp, 32
            pop rbx
            ret
        DefaultHandler:
            sub rsp, 40
            call ILT_DebugBreak
            xor eax, eax
            add rsp, 40
            ret
        OnBeginRequest:
            xor eax, eax
            ret
        ILT_Allocate:
            jmp Allocate
        ILT_GetHttpModule:
            jmp GetHttpModule
        ILT_Default:
            jmp DefaultHandler
        ILT_OnBeginRequest:
            jmp OnBeginRequest
        ILT_DebugBreak:
            jmp DebugBreakThunk
        DebugBreakThunk:
            jmp qword ptr [rip + __imp_DebugBreak]
        .section .rdata,"dr"
        .p2align 3
        FactoryVtbl:
            .quad ILT_GetHttpModule, ILT_Default
        ModuleVtbl:
            .quad ILT_OnBeginRequest,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default,ILT_Default
        """;

    [Fact]
    public void Calls_and_vtable_slots_through_jump_thunks_are_followed()
    {
        using var temp = new TempDirectory();
        var def = temp.File("kernel32.def", "LIBRARY kernel32.dll\nEXPORTS\n    DebugBreak\n"u8.ToArray());
        var lib = System.IO.Path.Combine(temp.Path, "kernel32.lib");
        CraftedDll.Run("llvm-dlltool-19", "-m", "i386:x86-64", "-d", def, "-l", lib);
        var dll = CraftedDll.Build(temp.Path, "ilt-module", Module, x86: false, lib);

        var report = new ModuleValidator().Run([dll], temp.Path);

        var registration = Assert.Single(report.Inputs.Single().Model!.Registrations);
        Assert.Equal(0x801u, registration.Mask.Value);
        Assert.NotNull(registration.ModuleClass);
        var finding = Assert.Single(report.Findings, finding => finding.RuleId == "IISM2001");
        Assert.Contains("RQ_END_REQUEST", finding.Message);
    }
}
