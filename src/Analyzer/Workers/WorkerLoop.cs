using System.Diagnostics;

namespace IisModuleValidator.Workers;

/// <summary>
/// What a worker process runs: one request a line on standard input, one answer a line on standard output, until
/// standard input closes, its parent ends, or no request has come for <see cref="WorkerLifetime.IdleLimit"/>.
/// </summary>
public static class WorkerLoop
{
    /// <param name="answer">The answer to one request line; it must not throw.</param>
    public static int Run(TextReader input, TextWriter output, Func<string, string> answer)
    {
        if (!WorkerLifetime.Enter())
        {
            return 0;
        }
        // When the worker last finished a request; 0 while it works on one.
        var idleSince = Stopwatch.GetTimestamp();
        WorkerLifetime.ExitWhenIdle(() => Interlocked.Read(ref idleSince) is var since and not 0 ? Stopwatch.GetElapsedTime(since) : null);
        while (input.ReadLine() is { } line)
        {
            Interlocked.Exchange(ref idleSince, 0);
            var reply = answer(line);
            lock (output)
            {
                output.WriteLine(reply);
                output.Flush();
            }
            Interlocked.Exchange(ref idleSince, Stopwatch.GetTimestamp());
        }
        return 0;
    }
}
