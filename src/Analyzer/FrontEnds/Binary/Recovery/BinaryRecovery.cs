using IisModuleValidator.Contract;

namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>One Set*Notifications / SetPriorityFor* call found in the code.</summary>
/// <param name="ObjectVtable">The vtable of the object passed first (the factory or global module), when the code set it.</param>
/// <param name="Object">That object and the offset of the passed subobject in it (multiple inheritance passes base + n).</param>
internal sealed record RecoveredCall(uint Rva, int Slot, IReadOnlyList<SymbolicValue> Arguments, uint? ObjectVtable, (int Id, long Offset)? Object, MachineState State)
{
    /// <summary>The vtable stored at another offset of the same object (the complete object's, for a subobject).</summary>
    public uint? VtableAt(long offset) => Object is var (id, _) ? State.VtableAt(id, offset) : null;
}

/// <summary>A module class recovered from its vtable: which handler slots it overrides.</summary>
/// <param name="NameCheck">Slot name → the method name the default's OutputDebugStringA(__FUNCTION__) string gives.</param>
internal sealed record RecoveredClass(
    uint VtableRva,
    ClassLayout Layout,
    IReadOnlyDictionary<int, uint> SlotTargets,
    IReadOnlySet<int> DefaultSlots,
    IReadOnlyDictionary<int, string> NameCheck);
