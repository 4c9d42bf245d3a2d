using System.Collections.Concurrent;
using System.Security.Cryptography;
using IisModuleValidator.FrontEnds.Binary;
using IisModuleValidator.FrontEnds.Binary.Recovery;
using IisModuleValidator.Io;
using IisModuleValidator.Model;

namespace IisModuleValidator.Analysis;

/// <summary>DLLs through the PE reader and the code recovery, each distinct content once per run.</summary>
internal sealed class BinaryInputs(RunScope run) : IInputFrontEnd
{
    private readonly ConcurrentDictionary<string, Lazy<Recovered>> byContent = new(StringComparer.Ordinal);

    public bool Handles(InputKind kind) => kind == InputKind.Binary;

    public bool InParallel => true;

    public InputResult Analyze(ResolvedInput input) => Analyze(input.FullPath);

    /// <summary>Also the deployment check's way to read the images a configuration loads.</summary>
    public InputResult Analyze(string path)
    {
        byte[] bytes;
        try
        {
            bytes = SafeFile.ReadAllBytes(path, SafeFile.MaxBinaryBytes);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new InputResult(null, [], [run.Notify(ToolNotificationIds.InputUnreadable, path, exception.Message)]);
        }
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        try
        {
            var (analyzed, notes, malformed) = byContent.GetOrAdd(sha256, _ => new(() => Recover(bytes, path))).Value;
            if (malformed is not null)
            {
                return new InputResult(new AnalyzedInput(path, sha256, bytes.LongLength, null), [],
                    [run.Notify(ToolNotificationIds.InputNotAValidImage, path, malformed)]);
            }
            var model = analyzed!.WithInputPath(path);
            return new InputResult(new AnalyzedInput(path, sha256, bytes.LongLength, model), run.Check(model),
                [.. notes.Select(note => run.Notify(ToolNotificationIds.BinaryRecoveryIncomplete, path, note))]);
        }
        catch (Exception exception)
        {
            return run.Failed(path, sha256, bytes.LongLength, exception);
        }
    }

    private sealed record Recovered(ModuleModel? Model, IReadOnlyList<string> Notes, string? Malformed);

    private static Recovered Recover(byte[] bytes, string path)
    {
        try
        {
            var (model, notes) = new BinaryModuleRecovery(PeImageReader.Open(bytes), path).Recover();
            return new(model, notes, null);
        }
        catch (MalformedImageException exception)
        {
            return new(null, [], exception.Message);
        }
    }
}
