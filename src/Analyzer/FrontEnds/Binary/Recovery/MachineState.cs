namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// Registers, the function's stack and the objects it filled, along one path through the code. The registers are
/// numbered by the interpreter that owns the state (Iced's full registers for x86/x64, x0–x30 and sp for ARM64).
/// </summary>
internal sealed class MachineState
{
    public Dictionary<int, SymbolicValue> Registers { get; private init; } = [];

    public Dictionary<long, SymbolicValue> Stack { get; private init; } = [];

    public Dictionary<(int Object, long Offset), SymbolicValue> Heap { get; private init; } = [];

    /// <summary>Globals of the image this path wrote (g_module = new ...), read back before the image's own bytes.</summary>
    public Dictionary<uint, SymbolicValue> Globals { get; private init; } = [];

    /// <summary>False once a call popped an unknown number of bytes (x86): stack slots can no longer be trusted.</summary>
    public bool StackKnown { get; set; } = true;

    /// <summary>x86: bytes pushed since the last call, the arguments of the next one (what a stdcall callee pops).</summary>
    public int PushedSinceCall { get; set; }

    public SymbolicValue GetRegister(int register) => Registers.TryGetValue(register, out var value) ? value : SymbolicValue.Unknown;

    /// <summary>Sets a register; an unknown value is kept as no entry, so that the states a path clones stay small.</summary>
    public void SetRegister(int register, SymbolicValue value)
    {
        if (value is UnknownValue)
        {
            Registers.Remove(register);
        }
        else
        {
            Registers[register] = value;
        }
    }

    /// <summary>The stack pointer held in a register, as an offset from its value at entry, or long.MinValue when unknown.</summary>
    public long StackPointerIn(int register) => GetRegister(register) is StackAddress(var offset) ? offset : long.MinValue;

    /// <summary>The vtable pointer stored at <paramref name="offset"/> of an object the code filled, as an RVA.</summary>
    public uint? VtableAt(int objectId, long offset) =>
        Heap.TryGetValue((objectId, offset), out var field) && field is ImageAddress(var rva) ? rva : null;

    /// <summary>The vtable an object's first field was set to, as an RVA.</summary>
    public uint? VtableOf(SymbolicValue value) => value is HeapObject(var id) ? VtableAt(id, 0) : null;

    public MachineState Clone() => new()
    {
        Registers = new(Registers),
        Stack = new(Stack),
        Heap = new(Heap),
        Globals = new(Globals),
        StackKnown = StackKnown,
        PushedSinceCall = PushedSinceCall,
    };
}
