using System.Text.Json;
using IisModuleValidator.Workers;

namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>
/// What a parse worker process runs (`iis-module-validator __parse-worker`): a <see cref="WorkerLoop"/> of JSON parse
/// requests. It parses in-process; the validator that started it survives when libclang crashes it.
/// </summary>
public static class ParseWorker
{
    public const string Verb = "__parse-worker";

    internal static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    public static int Run(TextReader input, TextWriter output)
    {
        var parser = new InProcessParser();
        return WorkerLoop.Run(input, output, line =>
        {
            UnitParseResult result;
            try
            {
                var request = JsonSerializer.Deserialize<UnitParseRequest>(line, Json) ?? throw new InvalidDataException("an empty request");
                result = parser.Parse(request);
            }
            catch (Exception exception)
            {
                result = UnitParseResult.Failed($"the parse worker failed: {exception.GetType().Name}: {exception.Message}");
            }
            return JsonSerializer.Serialize(result, Json);
        });
    }
}
