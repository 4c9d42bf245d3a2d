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
        var waiting = Stopwatch.StartNew();
        WorkerLifetime.ExitWhenIdle(() => Volatile.Read(ref waiting) is { IsRunning: true } clock ? clock.Elapsed : null);
        while (input.ReadLine() is { } line)
        {
            waiting.Stop();
            var reply = answer(line);
            lock (output)
            {
                output.WriteLine(reply);
                output.Flush();
            }
            Volatile.Write(ref waiting, Stopwatch.StartNew());
        }
        return 0;
    }
}
