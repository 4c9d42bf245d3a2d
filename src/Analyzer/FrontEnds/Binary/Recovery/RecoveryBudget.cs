using System.Diagnostics;

namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// One budget for all the code recovery of one DLL. Interpreters nest (helpers, constructors, GetHttpModule, every
/// vtable slot), so per-interpreter caps multiply: a crafted DLL of constructors calling constructors in loops ran
/// for days. Every instruction any interpreter of the image decodes is charged here; when the budget is spent, all of
/// them stop and what was recovered so far is reported with a note. The instruction count is the deterministic
/// bound; the wall-clock guard only catches what the count does not (a machine far slower than expected).
/// </summary>
internal sealed class RecoveryBudget(long maxInstructions = RecoveryBudget.DefaultInstructions, TimeSpan? maxWall = null)
{
    public const long DefaultInstructions = 500_000;
    private static readonly TimeSpan DefaultWall = TimeSpan.FromSeconds(2);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _maxWall = maxWall ?? DefaultWall;
    private long _spent;

    public long MaxInstructions { get; } = maxInstructions;

    public long Spent => _spent;

    /// <summary>Set once the instructions or the time ran out; stays set.</summary>
    public string? ExhaustedBy { get; private set; }

    public bool IsExhausted => ExhaustedBy is not null;

    /// <summary>Charges one instruction; false when the budget is spent.</summary>
    public bool Spend()
    {
        if (ExhaustedBy is not null)
        {
            return false;
        }
        if (++_spent > MaxInstructions)
        {
            ExhaustedBy = $"{MaxInstructions:N0} instructions";
        }
        else if ((_spent & 0x3FF) == 0 && _clock.Elapsed > _maxWall)
        {
            ExhaustedBy = $"{_maxWall.TotalSeconds:0.#} s";
        }
        return ExhaustedBy is null;
    }
}
