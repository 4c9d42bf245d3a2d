using System.CommandLine;
using IisModuleValidator.Catalog;

namespace IisModuleValidator.Cli;

/// <summary>`list-rules`: the catalog as a table, or one rule's full help.</summary>
public static class ListRulesCommand
{
    public static Command Create()
    {
        var rule = new Option<string?>("--rule") { Description = "Print the full help of one rule, e.g. IISM1002." };
        var markdown = new Option<bool>("--markdown") { Description = "With --rule: the help as markdown, as rules/*.md has it." };
        var command = new Command("list-rules", "List the rules and tool notifications, or show one rule's help.") { rule, markdown };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var catalog = RuleCatalog.Default;
            if (parseResult.GetValue(rule) is { } id)
            {
                if (!catalog.Contains(id.ToUpperInvariant()))
                {
                    parseResult.InvocationConfiguration.Error.WriteLine($"{Reporting.ToolInfo.Command}: no rule {id}; run 'list-rules' for the list.");
                    return CommandLine.UsageErrorOrNothingAnalyzed;
                }
                var descriptor = catalog[id.ToUpperInvariant()];
                output.WriteLine($"{descriptor.Id} {descriptor.Name} ({descriptor.DefaultLevel.ToWord()}, {descriptor.Category})");
                output.WriteLine(descriptor.HelpUri);
                output.WriteLine();
                output.Write(parseResult.GetValue(markdown) ? descriptor.HelpMarkdown : Reporting.RuleHelpText.Plain(descriptor.HelpMarkdown));
                return CommandLine.Success;
            }
            foreach (var descriptor in catalog.All)
            {
                output.WriteLine($"{descriptor.Id}  {descriptor.DefaultLevel.ToWord(),-7}  {descriptor.Name,-44} {descriptor.Title}");
            }
            return CommandLine.Success;
        });
        return command;
    }
}
