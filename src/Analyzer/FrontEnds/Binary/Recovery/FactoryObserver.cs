namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// Watches IHttpModuleFactory::GetHttpModule(ppModule, pAllocator) for '*ppModule = object' and for calls to
/// pAllocator->AllocateMemory.
/// </summary>
internal sealed class FactoryObserver : ICodeObserver
{
    private static readonly SymbolicValue ModuleOut = new ParameterValue(1);
    private static readonly SymbolicValue Allocator = new ParameterValue(2);

    private const string UnknownVtable = "GetHttpModule stores a module whose vtable the code does not show";

    // An object stored before its vtable was written (g++ stores *ppModule first): judged when the function returns.
    private SymbolicValue? _storedFirst;
    private string? _problem;

    public uint? ModuleVtable { get; private set; }

    public string? Problem => _problem ?? (_storedFirst is not null && ModuleVtable is null ? UnknownVtable : null);

    public bool UsesModuleAllocator { get; private set; }

    /// <summary>GetHttpModule returns the factory object itself, adjusted by this many bytes (a class that is both).</summary>
    public long? ReturnsSelfPlus { get; private set; }

    public CallOutcome OnCall(CallSite call)
    {
        if (call.Target is LoadedValue(LoadedValue(var self, 0), 0) && self == Allocator)
        {
            UsesModuleAllocator = true;
            return new CallOutcome(PoppedBytes: 4);
        }
        return new CallOutcome();
    }

    public void OnStore(uint rva, SymbolicValue address, SymbolicValue value, MachineState state)
    {
        if (address is not OffsetAddress(var target, 0) || target != ModuleOut)
        {
            return;
        }
        if (state.VtableOf(value) is { } vtable)
        {
            ModuleVtable ??= vtable;
        }
        else if (value is ParameterValue(0))
        {
            ReturnsSelfPlus ??= 0;
        }
        else if (value is OffsetAddress(ParameterValue(0), var adjustment))
        {
            ReturnsSelfPlus ??= adjustment;
        }
        else if (value is HeapObject)
        {
            _storedFirst ??= value;
        }
        else
        {
            _problem ??= UnknownVtable;
        }
    }

    public void OnReturn(MachineState state)
    {
        if (_storedFirst is not null && ModuleVtable is null && state.VtableOf(_storedFirst) is { } vtable)
        {
            ModuleVtable = vtable;
        }
    }
}
