using Iced.Intel;

namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// A small abstract interpreter over x86/x64 code decoded with Iced: it follows values through registers, the
/// stack (pushes, spills of /Od builds) and objects the code fills, explores both sides of conditional branches,
/// and tells an observer of every call and of stores into memory it does not own. Bounded in instructions and
/// paths, so that hostile or huge code cannot hang a run; running out of budget is reported, never guessed over.
/// </summary>
internal sealed class X86Interpreter(PeImage image, ICodeObserver observer, int constructorDepth = 0) : ICodeInterpreter
{
    private readonly DataFlow _flow = new(image, observer, image.Facts.Is64Bit ? 64 : 32);
    private readonly Dictionary<uint, Instruction> _decoded = [];
    private readonly Dictionary<uint, int?> _poppedBytes = [];
    private int _nextObject;

    public int Bitness => image.Facts.Is64Bit ? 64 : 32;

    private Register StackRegister => Register.RSP;

    public bool Truncated { get; private set; }

    /// <summary>For a member function the first parameter is 'this', in ECX on x86.</summary>
    public MachineState EntryState(int parameterCount, bool isMember)
    {
        var state = new MachineState();
        state.Set(Register.RSP, new StackAddress(0));
        if (Bitness == 64)
        {
            Register[] registers = [Register.RCX, Register.RDX, Register.R8, Register.R9];
            for (var i = 0; i < parameterCount; i++)
            {
                if (i < 4)
                {
                    state.Set(registers[i], new ParameterValue(i));
                }
                else
                {
                    state.Stack[0x28 + (i - 4) * 8] = new ParameterValue(i);
                }
            }
        }
        else
        {
            var first = 0;
            if (isMember)
            {
                state.Set(Register.ECX, new ParameterValue(0));
                first = 1;
            }
            for (var i = first; i < parameterCount; i++)
            {
                state.Stack[4 + (i - first) * 4] = new ParameterValue(i);
            }
        }
        return state;
    }

    public void Run(uint entryRva, MachineState entry)
    {
        var walk = new PathWalk(image.Budget, entryRva, entry);
        while (walk.TryTake(out var rva, out var state))
        {
            while (walk.Enter(rva))
            {
                if (Decode(rva) is not { } instruction)
                {
                    break;
                }
                var next = (uint)(instruction.NextIP - image.ImageBase);
                switch (instruction.FlowControl)
                {
                    case FlowControl.Return:
                        observer.OnReturn(state);
                        goto EndOfPath;
                    case FlowControl.Interrupt or FlowControl.Exception:
                        goto EndOfPath;
                    case FlowControl.ConditionalBranch:
                        if (walk.MayFork())
                        {
                            walk.Fork((uint)(instruction.NearBranchTarget - image.ImageBase), state.Clone());
                        }
                        rva = next;
                        continue;
                    case FlowControl.UnconditionalBranch when instruction.Op0Kind is OpKind.NearBranch16 or OpKind.NearBranch32 or OpKind.NearBranch64:
                        rva = (uint)(instruction.NearBranchTarget - image.ImageBase);
                        continue;
                    case FlowControl.IndirectBranch:
                        Call(instruction, rva, state); // a tail call through a register or memory
                        goto EndOfPath;
                    case FlowControl.Call or FlowControl.IndirectCall:
                        if (Call(instruction, rva, state).EndsPath)
                        {
                            goto EndOfPath;
                        }
                        rva = next;
                        continue;
                    default:
                        Execute(instruction, rva, state);
                        rva = next;
                        continue;
                }
            }
        EndOfPath:;
        }
        Truncated |= walk.Truncated;
    }

    private Instruction? Decode(uint rva)
    {
        if (_decoded.TryGetValue(rva, out var cached))
        {
            return cached;
        }
        if (!image.IsExecutable(rva))
        {
            return null;
        }
        var bytes = image.CodeAt(rva, 16);
        if (bytes.Length == 0)
        {
            return null;
        }
        var decoder = Decoder.Create(Bitness, new ByteArrayCodeReader(bytes), image.ImageBase + rva);
        decoder.Decode(out var instruction);
        if (instruction.IsInvalid)
        {
            return null;
        }
        _decoded[rva] = instruction;
        return instruction;
    }

    private CallOutcome Call(Instruction instruction, uint rva, MachineState state)
    {
        var target = instruction.Op0Kind switch
        {
            OpKind.NearBranch16 or OpKind.NearBranch32 or OpKind.NearBranch64 => _flow.Constant(instruction.NearBranchTarget),
            OpKind.Register => state.Get(instruction.Op0Register),
            OpKind.Memory => _flow.Load(state, Address(instruction, state)),
            _ => SymbolicValue.Unknown,
        };
        if (target is GuardFunction(GuardRole.Check))
        {
            return GuardCheck(state);
        }
        if (target is GuardFunction(GuardRole.Dispatch))
        {
            // The dispatcher validates RAX and jumps to it: the call is a call of RAX, arguments and all.
            target = state.Get(Register.RAX);
        }
        if (target is ImageAddress(var callee))
        {
            // An incremental-linking thunk (MSVC Debug builds route every call through a 'jmp rel32' table) is its target.
            var resolved = ThroughJumpThunks(callee);
            target = ImportThunk(resolved) is { } imported ? imported : new ImageAddress(resolved);
        }
        var sp = state.StackPointer(StackRegister);
        SymbolicValue StackAt(long offset) => state.StackKnown && sp != long.MinValue && state.Stack.TryGetValue(sp + offset, out var value) ? value : SymbolicValue.Unknown;
        var isCall = instruction.FlowControl is FlowControl.Call or FlowControl.IndirectCall;
        // A call pushes its return address; a tail jump reuses the caller's, so arguments sit one slot higher.
        var firstStackArgument = isCall ? 0 : image.PointerSize;
        IReadOnlyList<SymbolicValue> arguments = Bitness == 64
            ? [state.Get(Register.RCX), state.Get(Register.RDX), state.Get(Register.R8), state.Get(Register.R9), StackAt(0x20 + firstStackArgument), StackAt(0x28 + firstStackArgument)]
            : [StackAt(firstStackArgument), StackAt(firstStackArgument + 4), StackAt(firstStackArgument + 8), StackAt(firstStackArgument + 12)];
        var outcome = observer.OnCall(new CallSite(rva, target, state.Get(Register.RCX), arguments, state));
        var self = Bitness == 64 ? arguments[0] : state.Get(Register.RCX);
        if (outcome == CallOutcome.Unhandled && isCall && target is ImageAddress(var constructor) && self is HeapObject or ParameterValue(0) or OffsetAddress(HeapObject, _))
        {
            outcome = ConstructorObserver.Follow(image, constructor, self, rva, state, _flow, constructorDepth);
        }

        foreach (var volatileRegister in Bitness == 64
                     ? new[] { Register.RAX, Register.RCX, Register.RDX, Register.R8, Register.R9, Register.R10, Register.R11 }
                     : [Register.RAX, Register.RCX, Register.RDX])
        {
            state.Set(volatileRegister, SymbolicValue.Unknown);
        }
        state.Set(Register.RAX, outcome.ReturnValue ?? new HeapObject(++_nextObject));
        if (Bitness == 32 && isCall)
        {
            var popped = outcome.PoppedBytes
                ?? (target is ImageAddress(var calledFunction) ? PoppedBytes(calledFunction) : null)
                ?? (CallerCleansUp(instruction) || IsCRuntimeImport(target) ? 0 : (int?)null)
                // A Windows API imported from another DLL is __stdcall (WINAPI): it pops exactly the arguments pushed for it.
                ?? (target is ImportedFunction && state.PushedSinceCall > 0 ? state.PushedSinceCall : (int?)null);
            if (popped is { } bytes && sp != long.MinValue)
            {
                state.Set(StackRegister, new StackAddress(sp + bytes));
            }
            else
            {
                state.StackKnown = false;
            }
        }
        state.PushedSinceCall = 0;
        return outcome;
    }

    /// <summary>
    /// A Control Flow Guard check returns to its caller, which then makes the checked call itself. It takes its one
    /// argument in a register and pops nothing; it may change only the registers its convention leaves volatile.
    /// </summary>
    private CallOutcome GuardCheck(MachineState state)
    {
        foreach (var register in Bitness == 64 ? new[] { Register.RAX, Register.R10, Register.R11 } : [Register.RAX, Register.RCX, Register.RDX])
        {
            state.Set(register, SymbolicValue.Unknown);
        }
        state.PushedSinceCall = 0;
        return CallOutcome.Unhandled;
    }

    /// <summary>
    /// Where a chain of 'jmp rel32' stubs ends: the incremental linker's thunk table (ILT) that /INCREMENTAL Debug builds
    /// route calls and vtable slots through. At most a few hops; a function that starts otherwise is its own target.
    /// </summary>
    public uint ThroughJumpThunks(uint rva)
    {
        for (var hop = 0; hop < InterpreterLimits.MaxThunkHops && Decode(rva) is { FlowControl: FlowControl.UnconditionalBranch, Op0Kind: OpKind.NearBranch32 or OpKind.NearBranch64 } jump; hop++)
        {
            rva = (uint)(jump.NearBranchTarget - image.ImageBase);
        }
        return rva;
    }

    /// <summary>The import a thunk ('jmp [IAT slot]') jumps to, or null when the function is not such a thunk.</summary>
    private ImportedFunction? ImportThunk(uint rva)
    {
        if (Decode(rva) is not { FlowControl: FlowControl.IndirectBranch, Op0Kind: OpKind.Memory } jump)
        {
            return null;
        }
        var slot = jump.IsIPRelativeMemoryOperand ? jump.IPRelativeMemoryAddress : jump.MemoryBase == Register.None ? jump.MemoryDisplacement64 & (Bitness == 32 ? 0xFFFFFFFF : ulong.MaxValue) : 0;
        return image.IsInImage(slot) && image.ImportSlots.TryGetValue((uint)(slot - image.ImageBase), out var name) ? new ImportedFunction(name) : null;
    }

    /// <summary>The C runtime's exports are __cdecl (the caller pops); Windows APIs are __stdcall.</summary>
    private static bool IsCRuntimeImport(SymbolicValue target) =>
        target is ImportedFunction(var name) && System.Text.RegularExpressions.Regex.IsMatch(name,
            @"^(vcruntime\d+\w*|ucrtbased?|msvc[rp]\d+d?|api-ms-win-crt-[\w-]+)\.dll!", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>x86: the instruction after a call is 'add esp, N', so the callee was cdecl and popped nothing.</summary>
    private bool CallerCleansUp(Instruction call) =>
        Decode((uint)(call.NextIP - image.ImageBase)) is { Mnemonic: Mnemonic.Add, Op0Kind: OpKind.Register, Op0Register: Register.ESP, Op1Kind: OpKind.Immediate8to32 or OpKind.Immediate32 };

    /// <summary>x86: how many argument bytes a function pops on return (its first 'ret N'), or null when not found.</summary>
    public int? PoppedBytes(uint functionRva)
    {
        if (_poppedBytes.TryGetValue(functionRva, out var known))
        {
            return known;
        }
        int? result = null;
        var rva = ThroughJumpThunks(functionRva);
        for (var i = 0; i < 4096 && image.Budget.Spend() && Decode(rva) is { } instruction; i++)
        {
            if (instruction.FlowControl == FlowControl.Return)
            {
                result = instruction.OpCount == 1 ? (int)instruction.GetImmediate(0) : 0;
                break;
            }
            if (instruction.FlowControl is FlowControl.IndirectBranch or FlowControl.Interrupt)
            {
                break;
            }
            rva = (uint)(instruction.NextIP - image.ImageBase);
        }
        _poppedBytes[functionRva] = result;
        return result;
    }

    private void Execute(Instruction instruction, uint rva, MachineState state)
    {
        switch (instruction.Mnemonic)
        {
            case Mnemonic.Mov:
                Write(instruction, rva, state, Read(instruction, 1, state));
                break;
            case Mnemonic.Movzx or Mnemonic.Movsx or Mnemonic.Movsxd:
                Write(instruction, rva, state, Read(instruction, 1, state) is ConstantValue constant ? constant : SymbolicValue.Unknown);
                break;
            case Mnemonic.Lea:
                Write(instruction, rva, state, Address(instruction, state));
                break;
            case Mnemonic.Xor when instruction.Op0Kind == OpKind.Register && instruction.Op1Kind == OpKind.Register && instruction.Op0Register == instruction.Op1Register:
                Write(instruction, rva, state, new ConstantValue(0));
                break;
            case Mnemonic.Or or Mnemonic.And or Mnemonic.Add or Mnemonic.Sub or Mnemonic.Xor:
                Write(instruction, rva, state, _flow.Arithmetic(instruction.Mnemonic switch
                {
                    Mnemonic.Or => ValueOperation.Or,
                    Mnemonic.And => ValueOperation.And,
                    Mnemonic.Xor => ValueOperation.Xor,
                    Mnemonic.Add => ValueOperation.Add,
                    _ => ValueOperation.Sub,
                }, Read(instruction, 0, state), Read(instruction, 1, state)));
                break;
            case Mnemonic.Push:
                Push(state, Read(instruction, 0, state));
                break;
            case Mnemonic.Pop:
                var sp = state.StackPointer(StackRegister);
                var popped = state.StackKnown && sp != long.MinValue && state.Stack.TryGetValue(sp, out var value) ? value : SymbolicValue.Unknown;
                state.Set(StackRegister, sp == long.MinValue ? SymbolicValue.Unknown : new StackAddress(sp + image.PointerSize));
                state.PushedSinceCall = Math.Max(0, state.PushedSinceCall - image.PointerSize);
                Write(instruction, rva, state, popped);
                break;
            case Mnemonic.Movq or Mnemonic.Punpcklqdq or Mnemonic.Movups or Mnemonic.Movaps or Mnemonic.Movdqu or Mnemonic.Movdqa
                or Mnemonic.Xorps or Mnemonic.Pxor when Bitness == 64 && instruction.OpCount == 2:
                MoveVector(instruction, rva, state);
                break;
            case Mnemonic.Stosb or Mnemonic.Stosw or Mnemonic.Stosd or Mnemonic.Stosq:
                StoreString(instruction, state);
                break;
            case Mnemonic.Nop or Mnemonic.Test or Mnemonic.Cmp or Mnemonic.Endbr64 or Mnemonic.Endbr32 or Mnemonic.Int3:
                break;
            default:
                if (instruction.OpCount > 0 && instruction.Op0Kind == OpKind.Register)
                {
                    state.Set(instruction.Op0Register, SymbolicValue.Unknown);
                }
                break;
        }
    }

    /// <summary>
    /// The moves of 64-bit halves through XMM registers that x64 compilers use to fill objects: movq in and out,
    /// punpcklqdq to pair two halves, 16-byte loads and stores, and xorps/pxor of a register with itself for zero.
    /// </summary>
    private void MoveVector(Instruction instruction, uint rva, MachineState state)
    {
        bool IsVector(int operand) => instruction.GetOpKind(operand) == OpKind.Register && instruction.GetOpRegister(operand).IsXMM();
        VectorValue VectorAt(SymbolicValue address) => new(_flow.Load(state, address), _flow.Load(state, DataFlow.Displaced(address, 8)));
        VectorValue VectorOf(int operand) => IsVector(operand)
            ? state.Get(instruction.GetOpRegister(operand)) as VectorValue ?? new VectorValue(SymbolicValue.Unknown, SymbolicValue.Unknown)
            : VectorAt(Address(instruction, state));
        var zero = new ConstantValue(0);
        switch (instruction.Mnemonic)
        {
            case Mnemonic.Xorps or Mnemonic.Pxor when IsVector(0) && IsVector(1) && instruction.Op0Register == instruction.Op1Register:
                state.Set(instruction.Op0Register, new VectorValue(zero, zero));
                break;
            case Mnemonic.Movq when IsVector(0):
                // movq xmm, r64/m64 sets the low half and clears the high one.
                var low = instruction.Op1Kind == OpKind.Memory ? _flow.Load(state, Address(instruction, state)) : IsVector(1) ? VectorOf(1).Low : Read(instruction, 1, state);
                state.Set(instruction.Op0Register, new VectorValue(low, zero));
                break;
            case Mnemonic.Movq when IsVector(1):
                Write(instruction, rva, state, VectorOf(1).Low);
                break;
            case Mnemonic.Punpcklqdq when IsVector(0):
                state.Set(instruction.Op0Register, new VectorValue(VectorOf(0).Low, VectorOf(1).Low));
                break;
            case Mnemonic.Movups or Mnemonic.Movaps or Mnemonic.Movdqu or Mnemonic.Movdqa when IsVector(0):
                state.Set(instruction.Op0Register, VectorOf(1));
                break;
            case Mnemonic.Movups or Mnemonic.Movaps or Mnemonic.Movdqu or Mnemonic.Movdqa when instruction.Op0Kind == OpKind.Memory:
                var address = Address(instruction, state);
                var value = VectorOf(1);
                _flow.Store(state, address, value.Low, rva);
                _flow.Store(state, DataFlow.Displaced(address, 8), value.High, rva);
                break;
            default:
                if (instruction.Op0Kind == OpKind.Register)
                {
                    state.Set(instruction.Op0Register, SymbolicValue.Unknown);
                }
                break;
        }
    }

    /// <summary>
    /// 'rep stos' fills RCX elements at RDI with RAX: MSVC's /RTC1 prologue fills the frame with 0xCCCCCCCC this way.
    /// The filled stack cells hold the fill value; afterwards RCX is 0 and RDI is past the end.
    /// </summary>
    private void StoreString(Instruction instruction, MachineState state)
    {
        var size = instruction.Mnemonic switch { Mnemonic.Stosb => 1, Mnemonic.Stosw => 2, Mnemonic.Stosd => 4, _ => 8 };
        var repeated = instruction.HasRepPrefix || instruction.HasRepePrefix;
        long? count = repeated ? state.Get(Register.RCX) is ConstantValue(var n) && n <= 0x10000 ? (long)n : null : 1;
        var destination = state.Get(Register.RDI);
        if (count is { } elements && destination is StackAddress(var start))
        {
            var end = start + elements * size;
            foreach (var offset in state.Stack.Keys.Where(offset => offset > start - image.PointerSize && offset < end).ToList())
            {
                state.Stack.Remove(offset);
            }
            var fill = size == image.PointerSize ? state.Get(Register.RAX) : SymbolicValue.Unknown;
            for (var offset = start; offset + image.PointerSize <= end; offset += image.PointerSize)
            {
                state.Stack[offset] = fill is ConstantValue ? fill : SymbolicValue.Unknown;
            }
            state.Set(Register.RDI, new StackAddress(end));
        }
        else
        {
            // An unknown length or destination: whatever it overwrote is no longer known.
            if (destination is StackAddress)
            {
                state.StackKnown = false;
            }
            state.Set(Register.RDI, SymbolicValue.Unknown);
        }
        if (repeated)
        {
            state.Set(Register.RCX, count is null ? SymbolicValue.Unknown : new ConstantValue(0));
        }
    }

    private void Push(MachineState state, SymbolicValue value)
    {
        var sp = state.StackPointer(StackRegister);
        if (sp == long.MinValue)
        {
            return;
        }
        sp -= image.PointerSize;
        state.Set(StackRegister, new StackAddress(sp));
        state.Stack[sp] = value;
        state.PushedSinceCall += image.PointerSize;
    }

    private SymbolicValue Read(Instruction instruction, int operand, MachineState state)
    {
        var value = instruction.GetOpKind(operand) switch
        {
            OpKind.Register => state.Get(instruction.GetOpRegister(operand)),
            OpKind.Memory => _flow.Load(state, Address(instruction, state)),
            OpKind.Immediate8 or OpKind.Immediate16 or OpKind.Immediate32 or OpKind.Immediate64
                or OpKind.Immediate8to16 or OpKind.Immediate8to32 or OpKind.Immediate8to64 or OpKind.Immediate32to64 => _flow.Constant(instruction.GetImmediate(operand)),
            _ => SymbolicValue.Unknown,
        };
        // A sub-register read of a pointer is not the pointer.
        if (instruction.GetOpKind(operand) == OpKind.Register && instruction.GetOpRegister(operand).GetSize() < 4 && value is not ConstantValue)
        {
            return SymbolicValue.Unknown;
        }
        return value;
    }

    private void Write(Instruction instruction, uint rva, MachineState state, SymbolicValue value)
    {
        switch (instruction.Op0Kind)
        {
            case OpKind.Register:
                var register = instruction.Op0Register;
                state.Set(register, register.GetSize() >= 4 ? value : SymbolicValue.Unknown);
                break;
            case OpKind.Memory:
                _flow.Store(state, Address(instruction, state), value, rva);
                break;
        }
    }

    private SymbolicValue Address(Instruction instruction, MachineState state)
    {
        if (instruction.IsIPRelativeMemoryOperand)
        {
            return _flow.Constant(instruction.IPRelativeMemoryAddress);
        }
        if (instruction.MemoryIndex != Register.None)
        {
            return SymbolicValue.Unknown;
        }
        var displacement = Bitness == 64 ? (long)instruction.MemoryDisplacement64 : (int)instruction.MemoryDisplacement32;
        if (instruction.MemoryBase == Register.None)
        {
            return _flow.Constant(Bitness == 64 ? (ulong)displacement : (uint)displacement);
        }
        return DataFlow.AddressFrom(state.Get(instruction.MemoryBase), displacement);
    }
}

/// <summary>The x86/x64 registers of a state, by Iced's full register (EAX and AX are RAX).</summary>
internal static class X86Registers
{
    public static SymbolicValue Get(this MachineState state, Register register) => state.GetRegister((int)register.GetFullRegister());

    public static void Set(this MachineState state, Register register, SymbolicValue value) => state.SetRegister((int)register.GetFullRegister(), value);

    public static long StackPointer(this MachineState state, Register stackRegister) => state.StackPointerIn((int)stackRegister.GetFullRegister());
}
