using Gee.External.Capstone.Arm64;

namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// The ARM64 counterpart of <see cref="X86Interpreter"/>, over code decoded with Capstone: values through x0–x30, sp
/// and the stack (pre- and post-indexed, pairs), ADRP/ADD and ADRP/LDR pairs into the image, MOVZ/MOVK/MOVN and
/// bitmask constants, calls by BL and BLR and tail calls by B and BR with the arguments in x0–x7, the import thunks
/// (adrp x16; ldr x16; br x16) and Control Flow Guard's check (the target in x15). The same values, state, budgets and
/// observers as on x86: what an instruction does that is not modelled makes the registers it writes unknown.
/// </summary>
internal sealed class Arm64Interpreter(PeImage image, ICodeObserver observer, int constructorDepth = 0) : ICodeInterpreter
{
    private const int StackRegister = Arm64Registers.StackPointer;
    private const int ArgumentRegisters = 8;
    // The AArch64 procedure call standard: x0–x17 (x16/x17 are the linker's scratch), x18 on Windows is the TEB, and
    // the link register x30 do not survive a call; x19–x29 and sp do.
    private static readonly int[] CallClobbered = [.. Enumerable.Range(0, 18), Arm64Registers.LinkRegister];
    // Control Flow Guard's ARM64 check preserves x0–x8 and x15 (the target it checks), and clobbers the rest of the volatile ones.
    private static readonly int[] GuardCheckClobbered = [9, 10, 11, 12, 13, 14, 16, 17, Arm64Registers.LinkRegister];

    // ldr, ldp, ldxp, ld1, ...: a load's second register operand is written, not read.
    private static readonly HashSet<Arm64InstructionId> Loads = [.. Enum.GetValues<Arm64InstructionId>()
        .Where(id => id.ToString().StartsWith("ARM64_INS_LD", StringComparison.Ordinal))];

    private readonly DataFlow _flow = new(image, observer, 64);
    private readonly Arm64Code _code = Arm64Code.Of(image);
    private int _nextObject;

    public bool Truncated { get; private set; }

    public MachineState EntryState(int parameterCount, bool isMember)
    {
        var state = new MachineState();
        state.SetRegister(StackRegister, new StackAddress(0));
        for (var i = 0; i < parameterCount; i++)
        {
            if (i < ArgumentRegisters)
            {
                state.SetRegister(i, new ParameterValue(i));
            }
            else
            {
                state.Stack[(i - ArgumentRegisters) * 8] = new ParameterValue(i);
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
                if (_code.Decode(rva) is not { } op)
                {
                    break;
                }
                switch (op.Flow)
                {
                    case Arm64Flow.Return:
                        observer.OnReturn(state);
                        goto EndOfPath;
                    case Arm64Flow.Stop:
                        goto EndOfPath;
                    case Arm64Flow.ConditionalBranch:
                        if (walk.MayFork() && ImageRva(op.Target) is { } taken)
                        {
                            walk.Fork(taken, state.Clone());
                        }
                        rva = op.NextRva;
                        continue;
                    case Arm64Flow.Branch:
                        if (ImageRva(op.Target) is not { } target)
                        {
                            goto EndOfPath;
                        }
                        rva = target;
                        continue;
                    case Arm64Flow.IndirectBranch:
                        Call(op, state); // a tail call through a register
                        goto EndOfPath;
                    case Arm64Flow.Call or Arm64Flow.IndirectCall:
                        if (Call(op, state).EndsPath)
                        {
                            goto EndOfPath;
                        }
                        rva = op.NextRva;
                        continue;
                    default:
                        if (Selected(op, state) is var (destination, ifTrue, ifFalse))
                        {
                            // csel and its kin choose between two values: each is a path, as a branch would be.
                            var chosen = ifTrue;
                            if (ifTrue != ifFalse && walk.MayFork())
                            {
                                var other = state.Clone();
                                Write(destination, ifFalse, other);
                                walk.Fork(op.NextRva, other);
                            }
                            else if (ifTrue != ifFalse)
                            {
                                chosen = SymbolicValue.Unknown; // no path left for the other value
                            }
                            Write(destination, chosen, state);
                        }
                        else
                        {
                            Execute(op, state);
                        }
                        rva = op.NextRva;
                        continue;
                }
            }
        EndOfPath:;
        }
        Truncated |= walk.Truncated;
    }

    private uint? ImageRva(ulong address) => image.IsInImage(address) ? (uint)(address - image.ImageBase) : null;

    private CallOutcome Call(Arm64Op op, MachineState state)
    {
        var target = op.Flow == Arm64Flow.Call ? _flow.Constant(op.Target) : Read(op.Operands[0], state);
        if (target is GuardFunction(GuardRole.Check))
        {
            Clobber(state, GuardCheckClobbered);
            return CallOutcome.Unhandled;
        }
        if (target is GuardFunction(GuardRole.Dispatch))
        {
            // ARM64 Windows has no dispatching guard; a pointer that says so is not followed.
            target = SymbolicValue.Unknown;
        }
        if (target is ImageAddress(var callee))
        {
            var resolved = ThroughJumpThunks(callee);
            target = ImportThunk(resolved) is { } imported ? imported : new ImageAddress(resolved);
        }
        var sp = state.StackPointerIn(StackRegister);
        SymbolicValue StackAt(long offset) => state.StackKnown && sp != long.MinValue && state.Stack.TryGetValue(sp + offset, out var value) ? value : SymbolicValue.Unknown;
        var arguments = new SymbolicValue[ArgumentRegisters + 2];
        for (var i = 0; i < ArgumentRegisters; i++)
        {
            arguments[i] = state.GetRegister(i);
        }
        (arguments[ArgumentRegisters], arguments[ArgumentRegisters + 1]) = (StackAt(0), StackAt(8));
        var isCall = op.Flow is Arm64Flow.Call or Arm64Flow.IndirectCall;
        var outcome = observer.OnCall(new CallSite(op.Rva, target, arguments[0], arguments, state));
        if (outcome == CallOutcome.Unhandled && isCall && target is ImageAddress(var constructor) && arguments[0] is HeapObject or ParameterValue(0) or OffsetAddress(HeapObject, _))
        {
            outcome = ConstructorObserver.Follow(image, constructor, arguments[0], op.Rva, state, _flow, constructorDepth);
        }
        Clobber(state, CallClobbered);
        for (var vector = Arm64Registers.FirstVector; vector < Arm64Registers.FirstVector + 32; vector++)
        {
            state.Registers.Remove(vector);
        }
        state.SetRegister(0, outcome.ReturnValue ?? new HeapObject(++_nextObject));
        return outcome;
    }

    private static void Clobber(MachineState state, IEnumerable<int> registers)
    {
        foreach (var register in registers)
        {
            state.SetRegister(register, SymbolicValue.Unknown);
        }
    }

    /// <summary>Where a chain of 'b' stubs ends (the incremental linker's thunks); a function that starts otherwise is its own target.</summary>
    private uint ThroughJumpThunks(uint rva)
    {
        for (var hop = 0; hop < InterpreterLimits.MaxThunkHops && _code.Decode(rva) is { Flow: Arm64Flow.Branch } jump && ImageRva(jump.Target) is { } target; hop++)
        {
            rva = target;
        }
        return rva;
    }

    /// <summary>The import an 'adrp x16, page; ldr x16, [x16, #offset]; br x16' thunk jumps to, or null.</summary>
    private ImportedFunction? ImportThunk(uint rva)
    {
        if (_code.Decode(rva) is not { Id: Arm64InstructionId.ARM64_INS_ADRP } page
            || _code.Decode(rva + 4) is not { Id: Arm64InstructionId.ARM64_INS_LDR } load
            || _code.Decode(rva + 8) is not { Flow: Arm64Flow.IndirectBranch } jump
            || load.Operands is not [{ Type: Arm64OperandType.Register, Size: 8 } loaded, { Type: Arm64OperandType.Memory } slot]
            || page.Operands[0].Register != slot.MemoryBase || slot.MemoryIndex != Arm64Registers.Zero
            || jump.Operands[0].Register != loaded.Register || load.WriteBack)
        {
            return null;
        }
        var address = (ulong)page.Operands[1].Immediate + (ulong)slot.Displacement;
        return ImageRva(address) is { } rvaOfSlot && image.ImportSlots.TryGetValue(rvaOfSlot, out var name) ? new ImportedFunction(name) : null;
    }

    /// <summary>
    /// A conditional select (csel, csinc, csinv, csneg and the aliases cset, csetm, cinc, cinv, cneg): the register it
    /// writes and the value when the condition holds and when it does not.
    /// </summary>
    private (DecodedOperand Destination, SymbolicValue IfTrue, SymbolicValue IfFalse)? Selected(Arm64Op op, MachineState state)
    {
        var operands = op.Operands;
        if (operands is not [{ Type: Arm64OperandType.Register } destination, ..] || operands.Skip(1).Any(operand => operand.Type != Arm64OperandType.Register))
        {
            return null;
        }
        var allOnes = destination.Size == 4 ? 0xFFFFFFFFUL : ulong.MaxValue;
        SymbolicValue Plus(SymbolicValue value, ulong by) => _flow.Arithmetic(ValueOperation.Add, value, new ConstantValue(by));
        SymbolicValue Inverted(SymbolicValue value) => _flow.Arithmetic(ValueOperation.Xor, value, new ConstantValue(allOnes));
        SymbolicValue Negated(SymbolicValue value) => _flow.Arithmetic(ValueOperation.Sub, new ConstantValue(0), value);
        SymbolicValue Operand(int index) => Read(operands[index], state);
        (SymbolicValue, SymbolicValue)? values = (op.Id, operands.Count) switch
        {
            (Arm64InstructionId.ARM64_INS_CSEL, 3) => (Operand(1), Operand(2)),
            (Arm64InstructionId.ARM64_INS_CSINC, 3) => (Operand(1), Plus(Operand(2), 1)),
            (Arm64InstructionId.ARM64_INS_CSINV, 3) => (Operand(1), Inverted(Operand(2))),
            (Arm64InstructionId.ARM64_INS_CSNEG, 3) => (Operand(1), Negated(Operand(2))),
            (Arm64InstructionId.ARM64_INS_CSET, 1) => (new ConstantValue(1), new ConstantValue(0)),
            (Arm64InstructionId.ARM64_INS_CSETM, 1) => (new ConstantValue(allOnes), new ConstantValue(0)),
            (Arm64InstructionId.ARM64_INS_CINC, 2) => (Plus(Operand(1), 1), Operand(1)),
            (Arm64InstructionId.ARM64_INS_CINV, 2) => (Inverted(Operand(1)), Operand(1)),
            (Arm64InstructionId.ARM64_INS_CNEG, 2) => (Negated(Operand(1)), Operand(1)),
            _ => null,
        };
        return values is var (ifTrue, ifFalse) ? (destination, ifTrue, ifFalse) : null;
    }

    private void Execute(Arm64Op op, MachineState state)
    {
        var operands = op.Operands;
        switch (op.Id)
        {
            // mov (of a register, or of a constant as the assembler's alias of movz, movn or orr), movz, adrp and adr.
            case Arm64InstructionId.ARM64_INS_MOV or Arm64InstructionId.ARM64_INS_MOVZ or Arm64InstructionId.ARM64_INS_ADRP or Arm64InstructionId.ARM64_INS_ADR
                when operands is [{ Type: Arm64OperandType.Register, Register: < Arm64Registers.FirstVector } destination, var source]
                    && (op.Id == Arm64InstructionId.ARM64_INS_MOV || source.Type == Arm64OperandType.Immediate):
                Write(destination, Read(source, state), state);
                break;
            case Arm64InstructionId.ARM64_INS_MOVN when operands is [{ Type: Arm64OperandType.Register } destination, { Type: Arm64OperandType.Immediate } source]:
                Write(destination, Read(source, state) is ConstantValue(var value) ? new ConstantValue(~value) : SymbolicValue.Unknown, state);
                break;
            case Arm64InstructionId.ARM64_INS_MOVK when operands is [{ Type: Arm64OperandType.Register } destination, { Type: Arm64OperandType.Immediate } part]:
                // movk keeps the other 16-bit parts: a constant built of movz + movk is known only if each part is.
                var shift = part.Shift == Arm64ShiftOperation.ARM64_SFT_LSL ? part.ShiftValue : 0;
                var kept = Read(destination, state) is ConstantValue(var old) ? new ConstantValue((old & ~(0xFFFFUL << shift)) | ((ulong)part.Immediate & 0xFFFF) << shift) : SymbolicValue.Unknown;
                Write(destination, kept, state);
                break;
            case Arm64InstructionId.ARM64_INS_ADD or Arm64InstructionId.ARM64_INS_SUB or Arm64InstructionId.ARM64_INS_ORR
                or Arm64InstructionId.ARM64_INS_AND or Arm64InstructionId.ARM64_INS_EOR
                when operands is [{ Type: Arm64OperandType.Register } destination, { Type: Arm64OperandType.Register } left, var right]:
                var operation = op.Id switch
                {
                    Arm64InstructionId.ARM64_INS_ADD => ValueOperation.Add,
                    Arm64InstructionId.ARM64_INS_SUB => ValueOperation.Sub,
                    Arm64InstructionId.ARM64_INS_ORR => ValueOperation.Or,
                    Arm64InstructionId.ARM64_INS_AND => ValueOperation.And,
                    _ => ValueOperation.Xor,
                };
                Write(destination, _flow.Arithmetic(operation, Read(left, state), Read(right, state)), state);
                break;
            case Arm64InstructionId.ARM64_INS_LDR or Arm64InstructionId.ARM64_INS_LDUR
                when operands is [{ Type: Arm64OperandType.Register } destination, { Type: Arm64OperandType.Immediate } literal]:
                Write(destination, LoadSized(_flow.Constant((ulong)literal.Immediate), destination.Size, state), state);
                break;
            case Arm64InstructionId.ARM64_INS_LDR or Arm64InstructionId.ARM64_INS_LDUR or Arm64InstructionId.ARM64_INS_LDP or Arm64InstructionId.ARM64_INS_LDNP:
                Transfer(op, state, load: true);
                break;
            case Arm64InstructionId.ARM64_INS_STR or Arm64InstructionId.ARM64_INS_STUR or Arm64InstructionId.ARM64_INS_STP or Arm64InstructionId.ARM64_INS_STNP:
                Transfer(op, state, load: false);
                break;
            case Arm64InstructionId.ARM64_INS_MOVI when operands is [{ Type: Arm64OperandType.Register, Register: >= Arm64Registers.FirstVector } vector, { Type: Arm64OperandType.Immediate, Immediate: 0 }]:
                state.SetRegister(vector.Register, new VectorValue(new ConstantValue(0), new ConstantValue(0)));
                break;
            case Arm64InstructionId.ARM64_INS_FMOV when operands is [{ Type: Arm64OperandType.Register, Register: >= Arm64Registers.FirstVector, Size: 8 } vector, { Type: Arm64OperandType.Register, Size: 8, Register: < Arm64Registers.FirstVector } general]:
                // fmov d0, x8 sets the low half and clears the rest, like x64's movq.
                state.SetRegister(vector.Register, new VectorValue(Read(general, state), new ConstantValue(0)));
                break;
            case Arm64InstructionId.ARM64_INS_NOP or Arm64InstructionId.ARM64_INS_HINT or Arm64InstructionId.ARM64_INS_CMP
                or Arm64InstructionId.ARM64_INS_CMN or Arm64InstructionId.ARM64_INS_TST or Arm64InstructionId.ARM64_INS_CCMP
                or Arm64InstructionId.ARM64_INS_CCMN or Arm64InstructionId.ARM64_INS_PRFM:
                break;
            default:
                ClobberWritten(op, state);
                break;
        }
    }

    /// <summary>
    /// Loads and stores of one register or a pair, at [base, #offset], pre-indexed ([base, #offset]!: the base moves
    /// first) or post-indexed ([base], #offset: it moves after).
    /// </summary>
    private void Transfer(Arm64Op op, MachineState state, bool load)
    {
        var operands = op.Operands;
        var memoryIndex = 0;
        while (memoryIndex < operands.Count && operands[memoryIndex].Type == Arm64OperandType.Register && operands[memoryIndex].Size > 0)
        {
            memoryIndex++;
        }
        if (memoryIndex is not (1 or 2) || memoryIndex >= operands.Count || operands[memoryIndex] is not { Type: Arm64OperandType.Memory } memory)
        {
            ClobberWritten(op, state);
            return;
        }
        var postIndex = memoryIndex + 1 < op.Operands.Count && op.Operands[memoryIndex + 1].Type == Arm64OperandType.Immediate ? op.Operands[memoryIndex + 1].Immediate : (long?)null;
        var baseValue = state.GetRegister(memory.MemoryBase);
        var address = memory.MemoryIndex != Arm64Registers.Zero ? SymbolicValue.Unknown : DataFlow.AddressFrom(baseValue, memory.Displacement);
        if (op.WriteBack)
        {
            var moved = postIndex is { } after ? DataFlow.AddressFrom(baseValue, after) : address;
            if (postIndex is not null)
            {
                address = DataFlow.AddressFrom(baseValue, 0);
            }
            state.SetRegister(memory.MemoryBase, moved is UnknownValue || memory.MemoryIndex != Arm64Registers.Zero ? SymbolicValue.Unknown : moved);
        }
        var offset = 0L;
        for (var index = 0; index < memoryIndex; index++)
        {
            var register = operands[index];
            var at = DataFlow.Displaced(address, offset) is var displaced && address is not UnknownValue ? displaced : SymbolicValue.Unknown;
            if (load)
            {
                Write(register, register.Size == 16 ? new VectorValue(_flow.Load(state, at), _flow.Load(state, DataFlow.Displaced(at, 8))) : LoadSized(at, register.Size, state), state);
            }
            else if (register.Size == 16)
            {
                var vector = state.GetRegister(register.Register) as VectorValue ?? new VectorValue(SymbolicValue.Unknown, SymbolicValue.Unknown);
                _flow.Store(state, at, vector.Low, op.Rva);
                _flow.Store(state, DataFlow.Displaced(at, 8), vector.High, op.Rva);
            }
            else
            {
                _flow.Store(state, at, Read(register, state), op.Rva);
            }
            offset += register.Size;
        }
    }

    /// <summary>A load into a register of <paramref name="size"/> bytes: a 32-bit load from the image reads 32 bits.</summary>
    private SymbolicValue LoadSized(SymbolicValue address, int size, MachineState state)
    {
        if (size == 4 && address is ImageAddress(var rva) && !image.ImportSlots.ContainsKey(rva) && !state.Globals.ContainsKey(rva))
        {
            try
            {
                return new ConstantValue(image.Bytes.ReadUInt32(rva, "a 32-bit value"));
            }
            catch (MalformedImageException)
            {
                return SymbolicValue.Unknown;
            }
        }
        var value = _flow.Load(state, address);
        return size == 8 ? value : Narrowed(value, size);
    }

    private static SymbolicValue Narrowed(SymbolicValue value, int size) => value switch
    {
        ConstantValue(var constant) when size == 4 => new ConstantValue(constant & 0xFFFFFFFF),
        _ => SymbolicValue.Unknown,
    };

    private SymbolicValue Read(DecodedOperand operand, MachineState state)
    {
        switch (operand.Type)
        {
            case Arm64OperandType.Immediate or Arm64OperandType.CImmediate:
                var shift = operand.Shift == Arm64ShiftOperation.ARM64_SFT_LSL ? operand.ShiftValue : 0;
                return _flow.Constant((ulong)operand.Immediate << shift);
            case Arm64OperandType.Register when operand.Register == Arm64Registers.Zero:
                return new ConstantValue(0);
            case Arm64OperandType.Register when operand.Register < Arm64Registers.FirstVector:
                var value = state.GetRegister(operand.Register);
                if (operand.Size == 4)
                {
                    value = Narrowed(value, 4);
                }
                return operand.Shift switch
                {
                    Arm64ShiftOperation.Invalid => value,
                    _ when operand.ShiftValue == 0 => value,
                    Arm64ShiftOperation.ARM64_SFT_LSL when value is ConstantValue(var constant) => new ConstantValue(constant << operand.ShiftValue),
                    _ => SymbolicValue.Unknown,
                };
            default:
                return SymbolicValue.Unknown;
        }
    }

    private static void Write(DecodedOperand destination, SymbolicValue value, MachineState state)
    {
        if (destination.Type != Arm64OperandType.Register || destination.Register is Arm64Registers.Zero or Arm64Registers.Other)
        {
            return;
        }
        if (destination.Register >= Arm64Registers.FirstVector)
        {
            state.SetRegister(destination.Register, value is VectorValue ? value : SymbolicValue.Unknown);
            return;
        }
        // A w register's write clears the upper half: a 32-bit constant stays one, a pointer is not the pointer.
        state.SetRegister(destination.Register, destination.Size == 4 ? Narrowed(value, 4) : value);
    }

    /// <summary>An instruction not modelled: every register it writes is unknown afterwards.</summary>
    private static void ClobberWritten(Arm64Op op, MachineState state)
    {
        var registers = op.Written.ToList();
        if (op.Operands is [{ Type: Arm64OperandType.Register } first, ..])
        {
            registers.Add(first.Register);
        }
        if (op.Operands is [_, { Type: Arm64OperandType.Register } second, ..] && Loads.Contains(op.Id))
        {
            registers.Add(second.Register);
        }
        registers.AddRange(op.Operands.Where(operand => operand.Type == Arm64OperandType.Memory && op.WriteBack).Select(operand => operand.MemoryBase));
        Clobber(state, registers.Where(register => register is not (Arm64Registers.Zero or Arm64Registers.Other)));
    }
}
