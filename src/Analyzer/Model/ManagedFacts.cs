namespace IisModuleValidator.Model;

/// <summary>
/// What only a C# (NativeAOT) module has: its [UnmanagedCallersOnly] entry point candidates, the methods its hand-built
/// vtables point at, and the managed calls those methods make outside a catch-all.
/// </summary>
public sealed record ManagedFacts(IReadOnlyList<ManagedEntryPoint> EntryPoints, IReadOnlyList<ManagedSlotTarget> SlotTargets, IReadOnlyList<ManagedVtable> Vtables);

/// <summary>A static method that is, or looks meant to be, the RegisterModule export.</summary>
/// <param name="ExportedName">The [UnmanagedCallersOnly] EntryPoint, or null when the attribute or its EntryPoint is missing.</param>
public sealed record ManagedEntryPoint(
    string MethodName,
    bool HasUnmanagedCallersOnly,
    string? ExportedName,
    string ReturnType,
    IReadOnlyList<string> ParameterTypes,
    IReadOnlyList<ManagedCall> UnprotectedCalls,
    SourceLocation Location);

/// <summary>A method assigned to a vtable slot ('vtbl->OnBeginRequest = &amp;OnBeginRequest').</summary>
/// <param name="CallingConventions">The CallConvs of its [UnmanagedCallersOnly] (e.g. CallConvMemberFunction).</param>
/// <param name="UnprotectedCalls">Calls into managed code that are not inside a try with a catch-all.</param>
public sealed record ManagedSlotTarget(
    string VtableType,
    string Slot,
    string MethodName,
    bool HasUnmanagedCallersOnly,
    IReadOnlyList<string> CallingConventions,
    IReadOnlyList<ManagedCall> UnprotectedCalls,
    SourceLocation Location);

/// <summary>A managed call that can throw, with where it is.</summary>
public sealed record ManagedCall(string Expression, SourceLocation Location);

/// <summary>A vtable a type fills: which httpserv.h class it is for and which slots are assigned.</summary>
public sealed record ManagedVtable(string OwnerType, ModuleBase Base, IReadOnlyList<string> AssignedSlots, SourceLocation Location);
