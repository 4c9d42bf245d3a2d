namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// Follows one function's code along its paths and tells an observer of its calls and stores: the x86/x64 interpreter
/// (Iced) or the ARM64 one (Capstone). Both share the values, the state, the budgets and the observers.
/// </summary>
internal interface ICodeInterpreter
{
    /// <summary>Set when a budget ran out: what was observed is real, but not everything was seen.</summary>
    bool Truncated { get; }

    /// <summary>The state at entry of a function taking <paramref name="parameterCount"/> parameters (for a member
    /// function the first is 'this').</summary>
    MachineState EntryState(int parameterCount, bool isMember);

    void Run(uint entryRva, MachineState entry);
}

/// <summary>The interpreter for an image's architecture.</summary>
internal static class CodeInterpreter
{
    /// <summary>x86, x64 and ARM64 code; of an ARM64X image its native ARM64 code (an ARM64EC image's is neither).</summary>
    public static bool Handles(string machine) => machine is "x86" or "x64" or "arm64" or "arm64x";

    public static bool IsArm64(string machine) => machine is "arm64" or "arm64x";

    public static ICodeInterpreter For(PeImage image, ICodeObserver observer, int constructorDepth = 0) => IsArm64(image.Facts.Machine)
        ? new Arm64Interpreter(image, observer, constructorDepth)
        : new X86Interpreter(image, observer, constructorDepth);
}

/// <summary>The per-function bounds every interpreter keeps, beside the image's <see cref="RecoveryBudget"/>.</summary>
internal static class InterpreterLimits
{
    public const int MaxInstructions = 20_000;
    public const int MaxPaths = 256;
    public const int MaxVisitsPerAddress = 8;

    // A derived class's constructor calls its base's: two levels set the final vtable of an /Od-built object.
    public const int MaxConstructorDepth = 2;

    // Incremental-linking thunks chain at most a few jumps.
    public const int MaxThunkHops = 4;
}
