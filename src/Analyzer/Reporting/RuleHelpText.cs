using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IisModuleValidator.Reporting;

/// <summary>
/// A rule's markdown help as plain text (SARIF help.text, list-rules), from Markdig's syntax tree: code spans, emphasis
/// and globs such as `bin/**/*.dll` come out as written, and the structure stays readable: blank lines between blocks,
/// list items with their dash, code blocks indented.
/// </summary>
public static class RuleHelpText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static string Plain(string markdown)
    {
        var text = new StringBuilder();
        WriteBlocks(Markdown.Parse(markdown.Replace("\r\n", "\n"), Pipeline), text, "");
        return text.ToString().TrimEnd() + "\n";
    }

    private static void WriteBlocks(ContainerBlock container, StringBuilder text, string indent)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{number++}. " : "- ";
                        var itemText = new StringBuilder();
                        WriteBlocks(item, itemText, "");
                        var lines = itemText.ToString().TrimEnd().Split('\n');
                        for (var index = 0; index < lines.Length; index++)
                        {
                            text.Append(indent).Append(index == 0 ? marker : new string(' ', marker.Length)).Append(lines[index]).Append('\n');
                        }
                    }
                    text.Append('\n');
                    break;
                case QuoteBlock quote:
                    WriteBlocks(quote, text, indent + "> ");
                    break;
                case ContainerBlock other:
                    WriteBlocks(other, text, indent);
                    break;
                case CodeBlock code:
                    foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                    {
                        text.Append(indent).Append("    ").Append(line.ToString()).Append('\n');
                    }
                    text.Append('\n');
                    break;
                case LeafBlock { Inline: { } inline }:
                    var inlineText = new StringBuilder();
                    WriteInlines(inline, inlineText);
                    foreach (var line in inlineText.ToString().Split('\n'))
                    {
                        text.Append(indent).Append(line).Append('\n');
                    }
                    text.Append('\n');
                    break;
            }
        }
    }

    private static void WriteInlines(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LinkInline { IsImage: false } link:
                    WriteInlines(link, text);
                    if (link.Url is { Length: > 0 } url && !url.StartsWith('#'))
                    {
                        text.Append(" (").Append(url).Append(')');
                    }
                    break;
                case ContainerInline other:
                    WriteInlines(other, text);
                    break;
            }
        }
    }
}
