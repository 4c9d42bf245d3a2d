namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>What the interpreter knows of a register or memory cell: never more than the code shows.</summary>
internal abstract record SymbolicValue
{
    public static readonly SymbolicValue Unknown = new UnknownValue();
}

internal sealed record UnknownValue : SymbolicValue;

/// <summary>A constant the code wrote (a mask, a size).</summary>
internal sealed record ConstantValue(ulong Value) : SymbolicValue;

/// <summary>The function's own parameter (for a member function, index 0 is 'this').</summary>
internal sealed record ParameterValue(int Index) : SymbolicValue;

/// <summary>An address on the function's stack, as an offset from the stack pointer at entry.</summary>
internal sealed record StackAddress(long Offset) : SymbolicValue;

/// <summary>An address inside the image (a vtable, a string, a global).</summary>
internal sealed record ImageAddress(uint Rva) : SymbolicValue;

/// <summary>The address of an imported function, read from its import address table slot.</summary>
internal sealed record ImportedFunction(string Name) : SymbolicValue;

/// <summary>The result of a call: an object the code may fill (operator new, IModuleAllocator::AllocateMemory).</summary>
internal sealed record HeapObject(int Id) : SymbolicValue;

/// <summary>A pointer into something known plus a displacement (for the memory operands of later instructions).</summary>
internal sealed record OffsetAddress(SymbolicValue Base, long Offset) : SymbolicValue;

/// <summary>The content of memory the code did not write: *(Base + Offset), e.g. a parameter's vtable pointer.</summary>
internal sealed record LoadedValue(SymbolicValue Base, long Offset) : SymbolicValue;

/// <summary>The function a Control Flow Guard pointer holds: it checks, or checks and dispatches to, the real target.</summary>
internal sealed record GuardFunction(GuardRole Role) : SymbolicValue;

/// <summary>
/// A 16-byte vector register as two pointer-sized halves (x64): compilers store two vtable pointers of a class with two
/// bases, or zero an object, with one 'movups' from an XMM register.
/// </summary>
internal sealed record VectorValue(SymbolicValue Low, SymbolicValue High) : SymbolicValue;
