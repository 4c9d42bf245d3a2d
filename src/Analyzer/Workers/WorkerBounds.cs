namespace IisModuleValidator.Workers;

/// <summary>What one request may cost a worker before it is killed, and how failures name the work.</summary>
/// <param name="Doer">Who failed, as a message says it: "the parser".</param>
/// <param name="WorkerName">The process, as a message says it: "a parse worker".</param>
/// <param name="QuoteStandardError">Whether a crash quotes the worker's last line of standard error (not where it may
/// carry evaluated project text).</param>
public sealed record WorkerBounds(TimeSpan Timeout, long MemoryCeilingBytes, string Doer, string WorkerName, bool QuoteStandardError = true);
