using System.Runtime.ExceptionServices;

namespace IisModuleValidator.Analysis;

/// <summary>
/// Runs work on a thread with a large stack. Front ends walk syntax trees recursively, and hostile sources nest
/// thousands deep (10,000 parentheses, 50,000-term sums): on the default 1-8 MB stack that is a stack overflow,
/// which .NET cannot catch and which ends the whole run.
/// </summary>
public static class LargeStack
{
    public const int StackBytes = 512 * 1024 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        }, StackBytes)
        {
            IsBackground = true,
            Name = "iism-large-stack",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
