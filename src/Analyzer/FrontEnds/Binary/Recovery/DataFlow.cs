namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>The operations on values both interpreters perform the same way.</summary>
internal enum ValueOperation
{
    Or,
    And,
    Xor,
    Add,
    Sub,
}

/// <summary>
/// How values move through memory and arithmetic, whatever the instruction set: constants that fall inside the image
/// are addresses, loads read the import table, the guard pointers, the globals the path wrote and the image's bytes,
/// stores go to the stack, to objects the code filled, to globals, or to the observer.
/// </summary>
internal sealed class DataFlow(PeImage image, ICodeObserver observer, int bitness)
{
    public SymbolicValue Constant(ulong value) =>
        image.IsInImage(value) ? new ImageAddress((uint)(value - image.ImageBase)) : new ConstantValue(bitness == 32 ? value & 0xFFFFFFFF : value);

    public static SymbolicValue Displaced(SymbolicValue address, long by) => address switch
    {
        StackAddress(var offset) => new StackAddress(offset + by),
        OffsetAddress(var baseValue, var offset) => new OffsetAddress(baseValue, offset + by),
        ImageAddress(var rva) => new ImageAddress((uint)(rva + by)),
        _ => SymbolicValue.Unknown,
    };

    /// <summary>The address 'base + displacement' of a memory operand.</summary>
    public static SymbolicValue AddressFrom(SymbolicValue baseValue, long displacement) => baseValue switch
    {
        UnknownValue => SymbolicValue.Unknown,
        StackAddress or ImageAddress or OffsetAddress => Displaced(baseValue, displacement),
        _ => new OffsetAddress(baseValue, displacement),
    };

    public SymbolicValue Arithmetic(ValueOperation operation, SymbolicValue left, SymbolicValue right) => (operation, AsBits(operation, left), AsBits(operation, right)) switch
    {
        (ValueOperation.Or, ConstantValue(var a), ConstantValue(var b)) => new ConstantValue(a | b),
        (ValueOperation.And, ConstantValue(var a), ConstantValue(var b)) => new ConstantValue(a & b),
        (ValueOperation.Xor, ConstantValue(var a), ConstantValue(var b)) => new ConstantValue(a ^ b),
        (ValueOperation.Add, ConstantValue(var a), ConstantValue(var b)) => Truncated(a + b),
        (ValueOperation.Sub, ConstantValue(var a), ConstantValue(var b)) => Truncated(a - b),
        (ValueOperation.Add, StackAddress(var offset), ConstantValue(var b)) => new StackAddress(offset + Signed(b)),
        (ValueOperation.Sub, StackAddress(var offset), ConstantValue(var b)) => new StackAddress(offset - Signed(b)),
        // 'this' adjustments between the subobjects of a class with several bases.
        (ValueOperation.Add, OffsetAddress(var baseValue, var offset), ConstantValue(var b)) => new OffsetAddress(baseValue, offset + Signed(b)),
        (ValueOperation.Sub, OffsetAddress(var baseValue, var offset), ConstantValue(var b)) => new OffsetAddress(baseValue, offset - Signed(b)),
        // A pointer plus a displacement: mingw's -O0 code indexes a vtable by 'add rax, 0x10' before loading the slot.
        (ValueOperation.Add, ParameterValue or HeapObject or LoadedValue, ConstantValue(var b)) => new OffsetAddress(left, Signed(b)),
        (ValueOperation.Sub, ParameterValue or HeapObject or LoadedValue, ConstantValue(var b)) => new OffsetAddress(left, -Signed(b)),
        (ValueOperation.Add, ImageAddress(var rva), ConstantValue(var b)) => Constant(image.ImageBase + rva + (ulong)Signed(b)),
        (ValueOperation.Sub, ImageAddress(var rva), ConstantValue(var b)) => Constant(image.ImageBase + rva - (ulong)Signed(b)),
        _ => SymbolicValue.Unknown,
    };

    private ConstantValue Truncated(ulong value) => new(bitness == 32 ? value & 0xFFFFFFFF : value);

    private long Signed(ulong value) => bitness == 32 ? (int)(uint)value : (long)value;

    /// <summary>
    /// For bitwise operations an address is a number: at the default x86 base (0x10000000, which is also
    /// RQ_CUSTOM_NOTIFICATION) a mask constant reads as an address in the image, and OR-ing bits into it builds a mask.
    /// </summary>
    private SymbolicValue AsBits(ValueOperation operation, SymbolicValue value) =>
        operation is ValueOperation.Or or ValueOperation.And or ValueOperation.Xor && value is ImageAddress(var rva) ? new ConstantValue(image.ImageBase + rva) : value;

    public SymbolicValue Load(MachineState state, SymbolicValue address) => address switch
    {
        StackAddress(var offset) => state.StackKnown && state.Stack.TryGetValue(offset, out var value) ? value : SymbolicValue.Unknown,
        ImageAddress(var rva) when image.ImportSlots.TryGetValue(rva, out var imported) => new ImportedFunction(imported),
        ImageAddress(var rva) when image.GuardPointers.TryGetValue(rva, out var role) => new GuardFunction(role),
        ImageAddress(var rva) when state.Globals.TryGetValue(rva, out var written) => written,
        ImageAddress(var rva) => image.ReadPointer(rva) is { } pointer ? Constant(pointer) : SymbolicValue.Unknown,
        OffsetAddress(HeapObject(var id), var offset) when state.Heap.TryGetValue((id, offset), out var field) => field,
        OffsetAddress(var baseValue, var offset) => new LoadedValue(baseValue, offset),
        _ => SymbolicValue.Unknown,
    };

    public void Store(MachineState state, SymbolicValue address, SymbolicValue value, uint rva)
    {
        switch (address)
        {
            case StackAddress(var offset) when state.StackKnown:
                state.Stack[offset] = value;
                break;
            case OffsetAddress(HeapObject(var id), var offset):
                state.Heap[(id, offset)] = value;
                break;
            case ImageAddress(var global):
                state.Globals[global] = value;
                break;
            case OffsetAddress:
                observer.OnStore(rva, address, value, state);
                break;
        }
    }
}
