namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// Watches RegisterModule (and one level of helpers it passes the IHttpModuleRegistrationInfo* to) for virtual
/// calls on that pointer: slots 2 and 3 register notifications, 4 to 6 set priorities.
/// </summary>
internal sealed class RegisterModuleObserver(PeImage image, SymbolicValue registrationInfo, int depth) : ICodeObserver
{
    private const int FirstRegistrationSlot = 2;
    private const int LastRegistrationSlot = 6;

    public List<RecoveredCall> Calls { get; } = [];

    public bool HelperTruncated { get; private set; }

    public CallOutcome OnCall(CallSite call)
    {
        var x64 = image.Facts.Is64Bit;
        if (call.Target is LoadedValue(LoadedValue(var self, 0), var offset) && self == registrationInfo
            && (x64 ? call.Arguments[0] : call.This) == registrationInfo
            && offset % image.PointerSize == 0 && offset / image.PointerSize is >= FirstRegistrationSlot and <= LastRegistrationSlot)
        {
            var slot = (int)(offset / image.PointerSize);
            IReadOnlyList<SymbolicValue> arguments = x64 ? call.Arguments.Skip(1).ToList() : call.Arguments;
            (int Id, long Offset)? passed = arguments[0] switch
            {
                HeapObject(var id) => (id, 0),
                OffsetAddress(HeapObject(var id), var at) => (id, at),
                _ => null,
            };
            var state = call.State.Clone();
            var vtable = passed is var (objectId, objectOffset) ? state.VtableAt(objectId, objectOffset) : null;
            Record(new RecoveredCall(call.Rva, slot, arguments, vtable, passed, state));
            return new CallOutcome(SymbolicValue.Unknown, PoppedBytes: slot <= 2 ? 12 : 8);
        }
        if (depth == 0 && call.Target is ImageAddress(var helper) && Carries(call) is var (index, isMember))
        {
            var nested = new RegisterModuleObserver(image, new ParameterValue(index), depth + 1);
            var helperInterpreter = CodeInterpreter.For(image, nested);
            helperInterpreter.Run(helper, helperInterpreter.EntryState(Math.Max(index + 1, 4), isMember));
            nested.Calls.ForEach(Record);
            HelperTruncated |= helperInterpreter.Truncated;
            // x64 leaves the pointer in RDX for calls that do not take it (operator new): their result is still an object.
            return new CallOutcome();
        }
        return new CallOutcome();
    }

    /// <summary>
    /// Several paths reach one call (a mask built with 'if (x) mask |= ...' in an unoptimised build): one call, whose
    /// masks are the union of the constants the paths pass, or unknown when a path passes something else.
    /// </summary>
    private void Record(RecoveredCall call)
    {
        var index = Calls.FindIndex(known => known.Rva == call.Rva);
        if (index < 0)
        {
            Calls.Add(call);
            return;
        }
        var known = Calls[index];
        var merged = known.Arguments.Zip(call.Arguments, (first, second) => (first, second) switch
        {
            _ when first == second => first,
            (ConstantValue(var a), ConstantValue(var b)) => new ConstantValue(a | b),
            _ => SymbolicValue.Unknown,
        }).ToList();
        Calls[index] = known with { Arguments = merged };
    }

    /// <summary>Which parameter of a called helper receives the registration info pointer, if any.</summary>
    private (int Index, bool IsMember)? Carries(CallSite call)
    {
        if (!image.Facts.Is64Bit && call.This == registrationInfo)
        {
            return (0, true);
        }
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            if (call.Arguments[i] == registrationInfo)
            {
                return (i, false);
            }
        }
        return null;
    }

    public void OnStore(uint rva, SymbolicValue address, SymbolicValue value, MachineState state)
    {
    }
}
