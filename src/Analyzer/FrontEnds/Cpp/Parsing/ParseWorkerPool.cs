using System.Text.Json;
using IisModuleValidator.Workers;

namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>
/// Parses in worker processes, as a compiler driver isolates its jobs: a translation unit that crashes libclang (6,000
/// chained else-ifs), makes it read a device without end (#include "/dev/zero") or hangs costs that unit alone. Each
/// request is bounded in time (<see cref="UnitTimeout"/>) and memory (<see cref="MemoryCeilingBytes"/>); a worker that
/// breaks a bound or dies is killed and replaced, and the unit gets a failure that says why.
/// </summary>
internal sealed class ParseWorkerPool(WorkerPool workers) : IUnitParser
{
    public static readonly TimeSpan UnitTimeout = TimeSpan.FromSeconds(180);
    public const long MemoryCeilingBytes = 2L * 1024 * 1024 * 1024;

    private static readonly WorkerBounds Bounds = new(UnitTimeout, MemoryCeilingBytes, "the parser", "a parse worker");

    private static readonly Lazy<ParseWorkerPool?> LazyShared = new(() =>
        Environment.GetEnvironmentVariable("IISM_PARSE_IN_PROCESS") != "1" && WorkerPool.For(ParseWorker.Verb) is { } workers ? new ParseWorkerPool(workers) : null);

    /// <summary>The pool of this process, or null when no worker can be started (the CLI is not beside us).</summary>
    public static ParseWorkerPool? Shared => LazyShared.Value;

    public UnitParseResult Parse(UnitParseRequest request)
    {
        var (answer, failure) = workers.Send(JsonSerializer.Serialize(request, ParseWorker.Json), Bounds);
        if (answer is null)
        {
            return UnitParseResult.Failed(failure!);
        }
        try
        {
            return JsonSerializer.Deserialize<UnitParseResult>(answer, ParseWorker.Json) ?? UnitParseResult.Failed("the parse worker answered nothing");
        }
        catch (JsonException exception)
        {
            return UnitParseResult.Failed($"the parse worker's answer could not be read: {exception.Message}");
        }
    }
}
