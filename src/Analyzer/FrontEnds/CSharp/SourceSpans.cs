using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace IisModuleValidator.FrontEnds.CSharp;

/// <summary>
/// Where a finding at a line and column sits in a C# syntax tree: the token that starts there (so the IDE can draw a
/// squiggle under it, and a diagnostic is never empty), or the position itself when the line has no token there.
/// </summary>
public static class SourceSpans
{
    public static TextSpan TokenAt(SyntaxTree tree, int line, int? column)
    {
        var text = tree.GetText();
        var lineSpan = text.Lines[Math.Min(Math.Max(line - 1, 0), text.Lines.Count - 1)];
        var start = Math.Min(lineSpan.Start + Math.Max((column ?? 1) - 1, 0), lineSpan.End);
        var token = tree.GetRoot().FindToken(start);
        return token.Span.Length > 0 && lineSpan.Span.Contains(token.SpanStart) ? token.Span : new TextSpan(start, 0);
    }
}
