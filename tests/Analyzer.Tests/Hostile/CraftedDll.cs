using System.Diagnostics;

namespace IisModuleValidator.Tests.Hostile;

/// <summary>
/// DLLs crafted from assembly: llvm-mc-19 assembles x64 code into a COFF object, lld-link-19 links it into a DLL that
/// exports RegisterModule. For shapes no compiler emits on purpose (constructors calling constructors in loops).
/// </summary>
internal static class CraftedDll
{
    /// <param name="x86">Assemble for i686: the code's RegisterModule label is then '_RegisterModule' (C decoration).</param>
    public static string Build(string folder, string name, string assembly, bool x86 = false, params string[] linkOptions)
    {
        var source = Path.Combine(folder, name + ".s");
        File.WriteAllText(source, $".intel_syntax noprefix\n.text\n.globl {(x86 ? "_" : "")}RegisterModule\n" + assembly);
        var obj = Path.Combine(folder, name + ".obj");
        var dll = Path.Combine(folder, name + ".dll");
        Run("llvm-mc-19", x86 ? "-triple=i686-pc-windows-msvc" : "-triple=x86_64-pc-windows-msvc", "-filetype=obj", "-o", obj, source);
        Run("lld-link-19", ["/nologo", "/DLL", "/NOENTRY", "/NODEFAULTLIB", .. (x86 ? new[] { "/MACHINE:X86", "/SAFESEH:NO" } : ["/MACHINE:X64"]), "/EXPORT:RegisterModule", $"/OUT:{dll}", .. linkOptions, obj]);
        File.Delete(Path.ChangeExtension(dll, ".lib"));
        File.Delete(obj);
        File.Delete(source);
        return dll;
    }

    /// <summary>The same for ARM64: llvm-mc-19 assembles ARM64 code, lld-link-19 links it with /MACHINE:ARM64.</summary>
    public static string BuildArm64(string folder, string name, string assembly)
    {
        var source = Path.Combine(folder, name + ".s");
        File.WriteAllText(source, ".text\n.globl RegisterModule\n.p2align 2\n" + assembly);
        var obj = Path.Combine(folder, name + ".obj");
        var dll = Path.Combine(folder, name + ".dll");
        Run("llvm-mc-19", "-triple=aarch64-pc-windows-msvc", "-filetype=obj", "-o", obj, source);
        Run("lld-link-19", "/nologo", "/DLL", "/NOENTRY", "/NODEFAULTLIB", "/MACHINE:ARM64", "/EXPORT:RegisterModule", $"/OUT:{dll}", obj);
        File.Delete(Path.ChangeExtension(dll, ".lib"));
        File.Delete(obj);
        File.Delete(source);
        return dll;
    }

    /// <summary><see cref="ConstructorChain"/> in ARM64 code: 'this' in x0, calls by bl, the loop by b.</summary>
    public static string ConstructorChainArm64(int calls, int innerCalls, int loopLength) => $$"""
        RegisterModule:
        .rept {{calls}}
            bl Allocate
            bl OuterConstructor
        .endr
            mov w0, wzr
            ret
        Allocate:
            ret
        OuterConstructor:
        .rept {{innerCalls}}
            bl Allocate
            bl InnerConstructor
        .endr
            ret
        InnerConstructor:
            adrp x8, InnerConstructor
            add x8, x8, :lo12:InnerConstructor
            str x8, [x0]
        Loop:
        .rept {{loopLength}}
            add x1, x1, #1
        .endr
            b Loop
        """;

    /// <summary>
    /// RegisterModule makes <paramref name="calls"/> calls to a constructor on a new object; that constructor makes
    /// <paramref name="innerCalls"/> calls to a second one on new objects; the second runs <paramref name="loopLength"/>
    /// instructions in a loop. Each level is one the interpreter follows.
    /// </summary>
    public static string ConstructorChain(int calls, int innerCalls, int loopLength) => $$"""
        RegisterModule:
        .rept {{calls}}
            call Allocate
            mov rcx, rax
            call OuterConstructor
        .endr
            xor eax, eax
            ret
        Allocate:
            ret
        OuterConstructor:
        .rept {{innerCalls}}
            call Allocate
            mov rcx, rax
            call InnerConstructor
        .endr
            ret
        InnerConstructor:
            lea rax, [rip + InnerConstructor]
            mov [rcx], rax
        Loop:
        .rept {{loopLength}}
            add rdx, 1
        .endr
            jmp Loop
        """;

    /// <summary>
    /// A DLL with <paramref name="sections"/> one-byte data sections and <paramref name="exports"/> named exports besides
    /// RegisterModule: the shape that made export reading O(sections × names).
    /// </summary>
    public static string ManySectionsAndExports(string folder, int sections, int exports)
    {
        var code = new System.Text.StringBuilder("RegisterModule:\n    xor eax, eax\n    ret\n");
        var def = new System.Text.StringBuilder("EXPORTS\n    RegisterModule\n");
        for (var i = 0; i < exports; i++)
        {
            code.Append($".globl f{i}\nf{i}:\n    ret\n");
            def.Append($"    f{i}\n");
        }
        for (var i = 0; i < sections; i++)
        {
            code.Append($".section .d{i:D5},\"dr\"\n    .byte {i % 256}\n");
        }
        var defPath = Path.Combine(folder, "many.def");
        File.WriteAllText(defPath, def.ToString());
        return Build(folder, "many", code.ToString(), x86: false, $"/DEF:{defPath}");
    }

    internal static void Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed: {error}");
        }
    }
}
