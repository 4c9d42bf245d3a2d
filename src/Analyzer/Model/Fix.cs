namespace IisModuleValidator.Model;

/// <summary>
/// One replacement in a source file: the text from (StartLine, StartColumn) up to (EndLine, EndColumn) becomes
/// <paramref name="Text"/>. Lines and columns are 1-based; columns count UTF-16 code units of the line, as every location
/// does (SARIF's utf16CodeUnits); an insertion has an empty region. <paramref name="Expected"/> is what the region holds when
/// the fix was made: a file that changed since is left alone.
/// </summary>
public sealed record TextEdit(string FilePath, int StartLine, int StartColumn, int EndLine, int EndColumn, string Text, string Expected)
{
    /// <summary>The edit makes a new file of <see cref="Text"/> (a .def); it applies only where no file is.</summary>
    public bool CreatesFile { get; init; }
}

/// <summary>
/// A change that removes a finding (SARIF fixes[]): edits in one or more files. <paramref name="IsChoice"/>: one of
/// several a user chooses between (IISM2003: register the handler, or delete it), shown and offered, never applied by
/// --fix alone.
/// </summary>
public sealed record Fix(string Description, IReadOnlyList<TextEdit> Edits, bool IsChoice = false);

/// <summary>Where a mask argument is written, and as what: the region a fix replaces.</summary>
public sealed record SourceSpan(string FilePath, int StartLine, int StartColumn, int EndLine, int EndColumn, string Text);

/// <summary>
/// Where a member can be added to a class as written: before its closing brace (an empty region), with the indentation
/// its members have and the newline its file uses. <paramref name="PublicLabel"/>: the "public:" line to write first,
/// with the class's indentation, when the class ends in a private or protected section; else null.
/// </summary>
/// <paramref name="HandlerNamesWritten"/>: the On… methods the class's text declares, in every #if branch, compiled here or
/// not: one of them is not added again (another configuration compiles it).
public sealed record MemberInsertionPoint(string FilePath, int Line, int Column, string Indent, string NewLine, string? PublicLabel = null,
    IReadOnlyList<string>? HandlerNamesWritten = null);
