namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// The paths an interpreter follows through one function, under the limits every architecture shares: the image's
/// <see cref="RecoveryBudget"/> and <see cref="InterpreterLimits"/>' instructions, visits per address and paths. A
/// limit reached ends the path (or, for the image's budget, the whole walk) and sets <see cref="Truncated"/>: what is
/// beyond it is never guessed.
/// </summary>
internal sealed class PathWalk
{
    private readonly Stack<(uint Rva, MachineState State)> _work = new();
    private readonly Dictionary<uint, int> _visits = [];
    private readonly RecoveryBudget _budget;
    private int _instructions;
    private int _paths = 1;

    public PathWalk(RecoveryBudget budget, uint entryRva, MachineState entry)
    {
        _budget = budget;
        _work.Push((entryRva, entry));
    }

    public bool Truncated { get; private set; }

    /// <summary>The next path to follow; false when every path is followed or the image's budget is spent.</summary>
    public bool TryTake(out uint rva, out MachineState state)
    {
        if (_work.TryPop(out var path))
        {
            (rva, state) = path;
            return true;
        }
        (rva, state) = (0, null!);
        return false;
    }

    /// <summary>Charges the instruction at <paramref name="rva"/>; false when the path must end there.</summary>
    public bool Enter(uint rva)
    {
        if (!_budget.Spend())
        {
            Truncated = true;
            _work.Clear();
            return false;
        }
        if (++_instructions > InterpreterLimits.MaxInstructions || (_visits[rva] = _visits.GetValueOrDefault(rva) + 1) > InterpreterLimits.MaxVisitsPerAddress)
        {
            Truncated |= _instructions > InterpreterLimits.MaxInstructions;
            return false;
        }
        return true;
    }

    /// <summary>Counts a second path; false (and truncated) when the paths are used up, so that only one is followed.</summary>
    public bool MayFork()
    {
        if (++_paths <= InterpreterLimits.MaxPaths)
        {
            return true;
        }
        Truncated = true;
        return false;
    }

    /// <summary>A path to follow later, from <paramref name="rva"/> in <paramref name="state"/> (its own copy).</summary>
    public void Fork(uint rva, MachineState state) => _work.Push((rva, state));
}
