namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>A call the interpreter reached, with the state it was made in.</summary>
/// <param name="Rva">The call (or tail jump) instruction.</param>
/// <param name="Target">What is called: an image function, an import, a vtable slot of a parameter, ...</param>
/// <param name="This">ECX/RCX (x0 on ARM64) at the call.</param>
/// <param name="Arguments">The arguments after 'this' for a member call on x86 (stack), or the register/stack
/// arguments in order on x64 (RCX, RDX, R8, R9, then the stack) and ARM64 (x0 to x7, then the stack).</param>
internal sealed record CallSite(uint Rva, SymbolicValue Target, SymbolicValue This, IReadOnlyList<SymbolicValue> Arguments, MachineState State);

/// <summary>What a call does, as the observer knows it.</summary>
/// <param name="PoppedBytes">x86: bytes the callee pops (stdcall/thiscall); null when not known.</param>
/// <param name="EndsPath">The call does not return (DebugBreak in a base default).</param>
internal sealed record CallOutcome(SymbolicValue? ReturnValue = null, int? PoppedBytes = null, bool EndsPath = false)
{
    /// <summary>The observer has nothing to say of the call: the interpreter applies what it knows (a constructor).</summary>
    public static readonly CallOutcome Unhandled = new();
}

/// <summary>Gets told of calls and of stores to memory the function does not own (e.g. *ppModule = object).</summary>
internal interface ICodeObserver
{
    CallOutcome OnCall(CallSite call);

    void OnStore(uint rva, SymbolicValue address, SymbolicValue value, MachineState state);

    /// <summary>A path reached a return with this state.</summary>
    void OnReturn(MachineState state)
    {
    }
}
