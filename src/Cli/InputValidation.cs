using System.CommandLine.Parsing;

namespace IisModuleValidator.Cli;

/// <summary>Input arguments that look like options are typos of options, not file names (write ./-name for such a file).</summary>
public static class InputValidation
{
    public static void RejectUnknownOptions(ArgumentResult result)
    {
        foreach (var token in result.Tokens.Where(token => token.Value.StartsWith('-')))
        {
            result.AddError($"Unrecognized option '{token.Value}'.");
        }
    }
}
