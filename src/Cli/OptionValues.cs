using System.CommandLine;

namespace IisModuleValidator.Cli;

/// <summary>Options whose value is one word of a list, taken in any case (--format SARIF), with the list in the error.</summary>
public static class OptionValues
{
    public static void AcceptOneOf(Option option, IReadOnlyList<string> values)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(token => token.Value).Where(token => !values.Contains(token, StringComparer.OrdinalIgnoreCase)))
            {
                result.AddError($"'{token}' is not a value of {option.Name}: use {string.Join(", ", values)}.");
            }
        });
        option.CompletionSources.Add([.. values]);
    }
}
