namespace IisModuleValidator.Analysis;

/// <summary>
/// One front end as the pipeline sees it: the input kinds it takes and, for each, a model checked by the rules. A new
/// input kind is one class behind this interface and one line in <see cref="ModuleValidator"/>'s list.
/// </summary>
internal interface IInputFrontEnd
{
    bool Handles(InputKind kind);

    /// <summary>Cheap, independent inputs (binaries) run in parallel, before the others; projects parallelize inside.</summary>
    bool InParallel => false;

    /// <summary>Never throws for a bad input: what goes wrong is that input's notification.</summary>
    InputResult Analyze(ResolvedInput input);

    /// <summary>What the run learned from this front end as a whole, once its inputs are done.</summary>
    FrontEndSummary Finish(IReadOnlyList<ResolvedInput> itsInputs) => FrontEndSummary.None;
}

/// <param name="Notifications">About the run rather than one input (an untrusted cache folder).</param>
/// <param name="CompileEnvironment">The headers and toolset sources were parsed against (--verbose).</param>
internal sealed record FrontEndSummary(IReadOnlyList<ToolNotification> Notifications, IReadOnlyList<string> CompileEnvironment)
{
    public static readonly FrontEndSummary None = new([], []);
}
