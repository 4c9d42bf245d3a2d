using System.Text.Json;

namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>
/// The loop a parse worker process runs (`iis-module-validator __parse-worker`): one JSON request a line on standard
/// input, one JSON result a line on standard output, until standard input closes. It parses in-process; the host
/// that started it survives when libclang crashes it.
/// </summary>
public static class ParseWorker
{
    public const string Verb = "__parse-worker";

    internal static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    public static int Run(TextReader input, TextWriter output)
    {
        var parser = new InProcessParser();
        while (input.ReadLine() is { } line)
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
            output.WriteLine(JsonSerializer.Serialize(result, Json));
            output.Flush();
        }
        return 0;
    }
}
