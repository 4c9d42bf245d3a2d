namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// Records what a constructor stores into its own object: a call on an object the code just allocated is most likely
/// its constructor (unoptimised builds do not inline it), and the vtable pointers it stores into 'this' are applied to
/// the object by the caller's interpreter.
/// </summary>
internal sealed class ConstructorObserver : ICodeObserver
{
    public List<(long Offset, SymbolicValue Value)> Stores { get; } = [];

    public CallOutcome OnCall(CallSite call) => CallOutcome.Unhandled;

    public void OnStore(uint rva, SymbolicValue address, SymbolicValue value, MachineState state)
    {
        if (address is OffsetAddress(ParameterValue(0), var offset) && value is ImageAddress)
        {
            Stores.Add((offset, value));
        }
    }

    /// <summary>Runs <paramref name="constructor"/> on 'this' and applies its vtable stores to <paramref name="self"/>
    /// in the caller's state; the call then returns 'this'.</summary>
    public static CallOutcome Follow(PeImage image, uint constructor, SymbolicValue self, uint rva, MachineState state, DataFlow flow, int depth)
    {
        if (depth >= InterpreterLimits.MaxConstructorDepth)
        {
            return CallOutcome.Unhandled;
        }
        var stores = new ConstructorObserver();
        var nested = CodeInterpreter.For(image, stores, depth + 1);
        nested.Run(constructor, nested.EntryState(1, isMember: true));
        foreach (var (offset, value) in stores.Stores)
        {
            flow.Store(state, self is OffsetAddress(var baseObject, var at) ? new OffsetAddress(baseObject, at + offset) : new OffsetAddress(self, offset), value, rva);
        }
        return stores.Stores.Count > 0 ? new CallOutcome(self) : CallOutcome.Unhandled;
    }
}
