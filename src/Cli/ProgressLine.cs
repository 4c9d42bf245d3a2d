using System.Diagnostics;
using IisModuleValidator.Analysis;
using IisModuleValidator.Reporting;

namespace IisModuleValidator.Cli;

/// <summary>
/// One line on a terminal's standard error, rewritten in place: inputs done out of all, the current one and the time
/// so far (100 C++ modules take minutes). At most ten updates a second; cleared before the summary. Nothing at all
/// when standard error is not a terminal (a build log, a pipe) or with --quiet.
/// </summary>
public sealed class ProgressLine(TextWriter error, bool enabled) : IProgress<InputProgress>
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private TimeSpan? _lastWrite;
    private bool _shown;

    public void Report(InputProgress value)
    {
        if (!enabled)
        {
            return;
        }
        lock (_lock)
        {
            var now = _elapsed.Elapsed;
            if (_lastWrite is { } last && now - last < TimeSpan.FromMilliseconds(100) && value.Done < value.Total)
            {
                return;
            }
            _lastWrite = now;
            var name = Path.GetFileName(value.Current);
            var text = $"[{value.Done}/{value.Total}] {now.TotalSeconds:F0} s {name}";
            // Escapes and control characters in a file name must not reach the terminal.
            error.Write("\r\u001b[K" + LogLine.Neutralize(text.Length > 100 ? text[..100] : text));
            error.Flush();
            _shown = true;
        }
    }

    /// <summary>Clears the line, so that the summary starts on a clean one.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (_shown)
            {
                error.Write("\r\u001b[K");
                error.Flush();
                _shown = false;
            }
        }
    }
}
