using System.CommandLine;
using IisModuleValidator.Catalog;

namespace IisModuleValidator.Cli;

/// <summary>`list-rules`: the catalog as a table, JSON, SARIF or markdown, or one rule's full help.</summary>
public static class ListRulesCommand
{
    public static Command Create()
    {
        var rule = new Option<string?>("--rule") { Description = "Print the full help of one rule, e.g. IISM1002." };
        var markdown = new Option<bool>("--markdown") { Description = "With --rule: the help as markdown, as rules/*.md has it." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (default), json (versioned: Reporting/RuleListJson), sarif (the rules as SARIF's tool.driver) or markdown (every rule's help).",
            DefaultValueFactory = _ => "text",
            HelpName = "format",
        };
        OptionValues.AcceptOneOf(format, ["text", "json", "sarif", "markdown"]);
        var command = new Command("list-rules", "List the rules and tool notifications, or show one rule's help.") { rule, markdown, format };
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var catalog = RuleCatalog.Default;
            var chosen = parseResult.GetValue(format)!.ToLowerInvariant();
            if (chosen != "text")
            {
                IReadOnlyList<RuleDescriptor> rules = parseResult.GetValue(rule) is { } only
                    ? [.. catalog.All.Where(descriptor => descriptor.Id.Equals(only, StringComparison.OrdinalIgnoreCase))]
                    : catalog.All;
                if (rules.Count == 0)
                {
                    parseResult.InvocationConfiguration.Error.WriteLine($"{Reporting.ToolInfo.Command}: no rule {parseResult.GetValue(rule)}; run 'list-rules' for the list.");
                    return CommandLine.UsageErrorOrNothingAnalyzed;
                }
                switch (chosen)
                {
                    case "json":
                        output.Write(Reporting.RuleListJson.Write(rules));
                        break;
                    case "sarif":
                        // The rules as a SARIF log with no results, as BinSkim's export-rules gives them.
                        new Reporting.SarifReporter(catalog, [.. rules.Where(descriptor => !descriptor.IsToolNotification).Select(descriptor => descriptor.Id)])
                            .Write(new Analysis.AnalysisReport(Directory.GetCurrentDirectory(), [], [], [])
                            {
                                Invocation = new Analysis.RunInvocation([.. parseResult.Tokens.Select(token => token.Value)], Directory.GetCurrentDirectory(), CommandLine.Success),
                            }, output);
                        break;
                    default:
                        foreach (var descriptor in rules)
                        {
                            output.WriteLine($"<!-- {descriptor.Id}: {descriptor.DefaultLevel.ToWord()}, {descriptor.Category}, {descriptor.HelpUri} -->");
                            output.WriteLine(descriptor.HelpMarkdown.TrimEnd());
                            output.WriteLine();
                        }
                        break;
                }
                return CommandLine.Success;
            }
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
