using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Gee.External.Capstone;
using Gee.External.Capstone.Arm64;

namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>What an ARM64 instruction does to the flow of control.</summary>
internal enum Arm64Flow
{
    Next,
    Return,
    Stop,
    Branch,
    ConditionalBranch,
    Call,
    IndirectCall,
    IndirectBranch,
}

/// <summary>
/// One operand of a decoded ARM64 instruction, its registers numbered as <see cref="Arm64Registers"/> says.
/// <paramref name="Size"/> is the register's width in bytes (4 for w0, 8 for x0, 16 for q0).
/// </summary>
internal readonly record struct DecodedOperand(
    Arm64OperandType Type,
    int Register,
    int Size,
    long Immediate,
    Arm64ShiftOperation Shift,
    int ShiftValue,
    int MemoryBase,
    int MemoryIndex,
    long Displacement);

/// <summary>A decoded ARM64 instruction: what the interpreter reads of Capstone's decoding, copied out of it.</summary>
internal sealed record Arm64Op(uint Rva, Arm64InstructionId Id, Arm64Flow Flow, bool WriteBack, IReadOnlyList<DecodedOperand> Operands, IReadOnlyList<int> Written)
{
    public uint NextRva => Rva + 4;

    /// <summary>The branch or call target of a direct branch (its last immediate operand).</summary>
    public ulong Target => (ulong)Operands.Last(operand => operand.Type == Arm64OperandType.Immediate).Immediate;
}

/// <summary>
/// The ARM64 registers the interpreter keeps apart: x0–x30 (w0–w30 are their low halves), sp, the zero register, and
/// the 32 vector registers (q, d, s and v name the same one).
/// </summary>
internal static class Arm64Registers
{
    public const int StackPointer = 31;
    public const int Zero = 32;
    public const int LinkRegister = 30;
    public const int FirstVector = 64;
    public const int Other = 200;

    private static readonly Dictionary<Arm64RegisterId, (int Number, int Size)> Numbers = Enum.GetValues<Arm64RegisterId>()
        .Distinct()
        .ToDictionary(id => id, id => Parse(Enum.GetName(id) ?? ""));

    public static (int Number, int Size) Of(Arm64RegisterId id) => Numbers.GetValueOrDefault(id, (Other, 0));

    private static (int Number, int Size) Parse(string name)
    {
        var register = name.StartsWith("ARM64_REG_", StringComparison.Ordinal) ? name["ARM64_REG_".Length..] : "";
        switch (register)
        {
            case "SP": return (StackPointer, 8);
            case "WSP": return (StackPointer, 4);
            case "XZR": return (Zero, 8);
            case "WZR": return (Zero, 4);
            case "FP": return (29, 8);
            case "LR": return (LinkRegister, 8);
            case "IP0": return (16, 8);
            case "IP1": return (17, 8);
        }
        if (register.Length < 2 || !int.TryParse(register[1..], out var number))
        {
            return (Other, 0);
        }
        return register[0] switch
        {
            'X' when number <= 30 => (number, 8),
            'W' when number <= 30 => (number, 4),
            'Q' or 'V' when number <= 31 => (FirstVector + number, 16),
            'D' when number <= 31 => (FirstVector + number, 8),
            'S' when number <= 31 => (FirstVector + number, 4),
            _ => (Other, 0),
        };
    }
}

/// <summary>
/// An image's ARM64 code, decoded once per instruction with Capstone (Gee.External.Capstone) and kept for every
/// interpreter that reads the image. When the native disassembler cannot be loaded, <see cref="LoadError"/> says why.
/// </summary>
internal sealed class Arm64Code
{
    private static readonly ConditionalWeakTable<PeImage, Arm64Code> Images = [];

    // Opening Capstone costs more than decoding a DLL's code: one disassembler per thread, kept for the process.
    private static readonly ThreadLocal<(CapstoneArm64Disassembler? Disassembler, string? Error)> Disassemblers = new(Open);

    // The instructions Arm64Interpreter models: what they write it knows without asking Capstone (cs_regs_access is most
    // of a decode); where their operands have another shape, it makes their first registers unknown.
    private static readonly HashSet<Arm64InstructionId> Modelled =
    [
        Arm64InstructionId.ARM64_INS_MOV, Arm64InstructionId.ARM64_INS_MOVZ, Arm64InstructionId.ARM64_INS_MOVN, Arm64InstructionId.ARM64_INS_MOVK,
        Arm64InstructionId.ARM64_INS_ADRP, Arm64InstructionId.ARM64_INS_ADR, Arm64InstructionId.ARM64_INS_ADD, Arm64InstructionId.ARM64_INS_SUB,
        Arm64InstructionId.ARM64_INS_ORR, Arm64InstructionId.ARM64_INS_AND, Arm64InstructionId.ARM64_INS_EOR,
        Arm64InstructionId.ARM64_INS_LDR, Arm64InstructionId.ARM64_INS_LDUR, Arm64InstructionId.ARM64_INS_LDP, Arm64InstructionId.ARM64_INS_LDNP,
        Arm64InstructionId.ARM64_INS_STR, Arm64InstructionId.ARM64_INS_STUR, Arm64InstructionId.ARM64_INS_STP, Arm64InstructionId.ARM64_INS_STNP,
        Arm64InstructionId.ARM64_INS_NOP, Arm64InstructionId.ARM64_INS_HINT, Arm64InstructionId.ARM64_INS_CMP, Arm64InstructionId.ARM64_INS_CMN,
        Arm64InstructionId.ARM64_INS_TST, Arm64InstructionId.ARM64_INS_CCMP, Arm64InstructionId.ARM64_INS_CCMN, Arm64InstructionId.ARM64_INS_PRFM,
        Arm64InstructionId.ARM64_INS_B, Arm64InstructionId.ARM64_INS_BL, Arm64InstructionId.ARM64_INS_BLR, Arm64InstructionId.ARM64_INS_BR,
        Arm64InstructionId.ARM64_INS_RET, Arm64InstructionId.ARM64_INS_BRK, Arm64InstructionId.ARM64_INS_HLT, Arm64InstructionId.ARM64_INS_CBZ,
        Arm64InstructionId.ARM64_INS_CBNZ, Arm64InstructionId.ARM64_INS_TBZ, Arm64InstructionId.ARM64_INS_TBNZ,
    ];

    // Decodings shared by every image, by instruction word: the same word is the same instruction anywhere, except the
    // PC-relative ones (their operands are addresses), which are keyed by their address too. Decoding through Capstone's
    // managed objects is most of an ARM64 DLL's recovery; prologues, loads and calls repeat across a build's DLLs.
    private static readonly ConcurrentDictionary<(uint Word, ulong Address), Arm64Op?> Shared = new();
    private const int MaxShared = 100_000;
    private static int _sharedCount; // ConcurrentDictionary.Count takes every lock: counted here instead

    private readonly PeImage _image;
    private readonly Dictionary<uint, Arm64Op?> _decoded = [];

    private Arm64Code(PeImage image)
    {
        _image = image;
        LoadError = Disassemblers.Value.Error;
    }

    private static (CapstoneArm64Disassembler?, string?) Open()
    {
        try
        {
            var disassembler = CapstoneDisassembler.CreateArm64Disassembler(Arm64DisassembleMode.Arm);
            disassembler.EnableInstructionDetails = true;
            return (disassembler, null);
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
        {
            return (null, CouldNotLoad(error.GetBaseException()));
        }
    }

    /// <summary>
    /// Why Capstone did not load, in a line (the end of "Capstone ... did not load: "), where the runtime's own message
    /// lists every path it probed. The package carries natives for win-x86/x64/arm64, linux-x86/x64/arm/arm64 and osx;
    /// elsewhere (linux-musl, an Alpine container) there is none.
    /// </summary>
    private static string CouldNotLoad(Exception error)
    {
        var native = OperatingSystem.IsWindows() ? "capstone.dll" : OperatingSystem.IsMacOS() ? "libcapstone.dylib" : "libcapstone.so";
        var runtime = RuntimeInformation.RuntimeIdentifier;
        return error is DllNotFoundException
            ? $"there is no {native} for {runtime} beside the tool (Gee.External.Capstone ships it in runtimes/{runtime}/native; reinstalling the tool restores it, and a runtime it has no native for cannot decode ARM64)"
            : $"{error.GetType().Name}: {error.Message.ReplaceLineEndings(" ")}";
    }

    public static Arm64Code Of(PeImage image) => Images.GetValue(image, key => new Arm64Code(key));

    public string? LoadError { get; }

    public Arm64Op? Decode(uint rva)
    {
        lock (_decoded)
        {
            if (_decoded.TryGetValue(rva, out var known))
            {
                return known;
            }
            var decoded = LoadError is not null || (rva & 3) != 0 || !_image.IsExecutable(rva) ? null : DecodeNew(rva);
            _decoded[rva] = decoded;
            return decoded;
        }
    }

    private Arm64Op? DecodeNew(uint rva)
    {
        var bytes = _image.CodeAt(rva, 4);
        if (bytes.Length < 4)
        {
            return null;
        }
        var word = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        var address = _image.ImageBase + rva;
        var key = (word, IsPcRelative(word) ? address : 0UL);
        if (!Shared.TryGetValue(key, out var decoded))
        {
            decoded = Disassemble(bytes, address);
            if (Volatile.Read(ref _sharedCount) < MaxShared && Shared.TryAdd(key, decoded))
            {
                Interlocked.Increment(ref _sharedCount);
            }
        }
        return decoded is null ? null : decoded with { Rva = rva };
    }

    /// <summary>The A64 encodings whose operands are PC-relative: adr/adrp, b/bl, b.cond, cbz/cbnz, tbz/tbnz and the
    /// literal loads (ldr, ldrsw, prfm of a label), by the Arm Architecture Reference Manual's encoding classes.</summary>
    private static bool IsPcRelative(uint word) =>
        (word & 0x1F000000) == 0x10000000
        || (word & 0x7C000000) == 0x14000000
        || (word & 0xFF000000) == 0x54000000
        || (word & 0x7C000000) == 0x34000000
        || (word & 0x3B000000) == 0x18000000;

    private static Arm64Op? Disassemble(byte[] bytes, ulong address)
    {
        // The calling thread's disassembler: a Capstone handle is not shared between threads.
        var instructions = Disassemblers.Value.Disassembler!.Disassemble(bytes, (long)address, 1);
        if (instructions.Length == 0 || !instructions[0].HasDetails)
        {
            return null;
        }
        var instruction = instructions[0];
        var details = instruction.Details;
        var operands = details.Operands.Select(Operand).ToList();
        IReadOnlyList<int> written = Modelled.Contains(instruction.Id) ? [] : [.. details.AllWrittenRegisters.Select(register => Arm64Registers.Of(register.Id).Number).Distinct()];
        return new Arm64Op(0, instruction.Id, FlowOf(instruction.Id, details.ConditionCode), details.WriteBack, operands, written);
    }

    private static DecodedOperand Operand(Arm64Operand operand)
    {
        var (register, size) = operand.Type == Arm64OperandType.Register && operand.Register is { } named ? Arm64Registers.Of(named.Id) : (Arm64Registers.Other, 0);
        long immediate = operand.Type is Arm64OperandType.Immediate or Arm64OperandType.CImmediate ? operand.Immediate : 0;
        var (memoryBase, memoryIndex, displacement) = operand.Type == Arm64OperandType.Memory
            ? (operand.Memory.Base is { } b ? Arm64Registers.Of(b.Id).Number : Arm64Registers.Zero,
               operand.Memory.Index is { } i ? Arm64Registers.Of(i.Id).Number : Arm64Registers.Zero,
               (long)operand.Memory.Displacement)
            : (Arm64Registers.Zero, Arm64Registers.Zero, 0L);
        return new DecodedOperand(operand.Type, register, size, immediate, operand.ShiftOperation, operand.ShiftOperation == Arm64ShiftOperation.Invalid ? 0 : (int)operand.ShiftValue, memoryBase, memoryIndex, displacement);
    }

    private static Arm64Flow FlowOf(Arm64InstructionId id, Arm64ConditionCode condition) => id switch
    {
        Arm64InstructionId.ARM64_INS_RET => Arm64Flow.Return,
        Arm64InstructionId.ARM64_INS_BRK or Arm64InstructionId.ARM64_INS_HLT => Arm64Flow.Stop,
        Arm64InstructionId.ARM64_INS_B when condition is Arm64ConditionCode.Invalid or Arm64ConditionCode.ARM64_CC_AL => Arm64Flow.Branch,
        Arm64InstructionId.ARM64_INS_B or Arm64InstructionId.ARM64_INS_CBZ or Arm64InstructionId.ARM64_INS_CBNZ
            or Arm64InstructionId.ARM64_INS_TBZ or Arm64InstructionId.ARM64_INS_TBNZ => Arm64Flow.ConditionalBranch,
        Arm64InstructionId.ARM64_INS_BL => Arm64Flow.Call,
        Arm64InstructionId.ARM64_INS_BLR => Arm64Flow.IndirectCall,
        Arm64InstructionId.ARM64_INS_BR => Arm64Flow.IndirectBranch,
        _ => Arm64Flow.Next,
    };
}
