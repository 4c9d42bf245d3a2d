using System.Collections.Concurrent;
using System.Text;
using IisModuleValidator.FrontEnds.Cpp.Clang;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>
/// The text of source files by byte offset, as clang reports extents. Clang's columns count bytes of the UTF-8 text it
/// parsed; every column this class gives out counts UTF-16 code units of the line, as editors, SARIF
/// (columnKind utf16CodeUnits), Visual Studio's error list and GitHub do.
/// </summary>
internal sealed class SourceText
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>The 1-based column of a clang location in UTF-16 code units (clang's byte column where the text is not known).</summary>
    public int Column(ClangLocation at)
    {
        if (at.File.Length == 0)
        {
            return at.Column;
        }
        var bytes = _files.GetOrAdd(at.File, Utf8AsClangSawIt);
        if (at.Offset > bytes.Length || at.Column - 1 > at.Offset)
        {
            return at.Column;
        }
        var lineStart = at.Offset - (at.Column - 1);
        return Encoding.UTF8.GetCharCount(bytes, lineStart, at.Column - 1) + 1;
    }

    public string Of(Cursor cursor)
    {
        var (start, end) = cursor.Extent;
        if (start.File.Length == 0 || start.File != end.File || end.Offset < start.Offset)
        {
            return cursor.Spelling;
        }
        var bytes = _files.GetOrAdd(start.File, Utf8AsClangSawIt);
        return end.Offset <= bytes.Length ? Encoding.UTF8.GetString(bytes, start.Offset, end.Offset - start.Offset) : cursor.Spelling;
    }

    /// <summary>Where an expression is written, as it is written; null when it is not one stretch of one file (a macro's).</summary>
    public Model.SourceSpan? Span(Cursor cursor)
    {
        var (start, end) = cursor.Extent;
        if (start.File.Length == 0 || start.File != end.File || end.Offset <= start.Offset || start.InSystemHeader)
        {
            return null;
        }
        var bytes = _files.GetOrAdd(start.File, Utf8AsClangSawIt);
        return end.Offset <= bytes.Length
            ? new Model.SourceSpan(start.File, start.Line, Column(start), end.Line, Column(end), Encoding.UTF8.GetString(bytes, start.Offset, end.Offset - start.Offset))
            : null;
    }

    /// <summary>
    /// Before the closing brace of a class definition: the column of its '}', the indentation of its first member (else
    /// the class's own and four spaces), and the file's newline.
    /// </summary>
    public Model.MemberInsertionPoint? InsertionPoint(Cursor classDefinition)
    {
        var (start, end) = classDefinition.Extent;
        if (start.File.Length == 0 || start.File != end.File || end.Offset <= start.Offset)
        {
            return null;
        }
        var bytes = _files.GetOrAdd(start.File, Utf8AsClangSawIt);
        if (end.Offset > bytes.Length)
        {
            return null;
        }
        // The extent ends just past the closing brace.
        var brace = end.Offset - 1;
        while (brace > start.Offset && bytes[brace] != (byte)'}')
        {
            brace--;
        }
        var lineStart = brace;
        while (lineStart > 0 && bytes[lineStart - 1] != (byte)'\n')
        {
            lineStart--;
        }
        var body = Encoding.UTF8.GetString(bytes, start.Offset, brace - start.Offset);
        var newLine = body.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var braceIndent = LeadingSpace(Encoding.UTF8.GetString(bytes, lineStart, brace - lineStart));
        // Only a brace on a line of its own can take a member before it without rewriting the line.
        if (braceIndent.Length != brace - lineStart)
        {
            return null;
        }
        var memberIndent = body.Split('\n').Skip(1).Select(line => line.TrimEnd('\r'))
            .FirstOrDefault(line => line.Trim().Length > 0 && !line.Trim().StartsWith('{') && !line.TrimEnd().EndsWith(':')) is { } member
            ? LeadingSpace(member)
            : braceIndent + "    ";
        // A handler is public, as CHttpModule declares it: the class's last section decides whether a label is needed.
        var lastLabel = System.Text.RegularExpressions.Regex.Matches(body, @"(?m)^\s*(public|protected|private)\s*:(?!:)").LastOrDefault()?.Groups[1].Value;
        var needsLabel = lastLabel is null ? body.TrimStart().StartsWith("class", StringComparison.Ordinal) : lastLabel != "public";
        var written = System.Text.RegularExpressions.Regex.Matches(body, @"\b(On\w+)\s*\(").Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        // The insertion goes at the start of the brace's line: whole lines in, the brace's own indentation kept.
        return new Model.MemberInsertionPoint(start.File, end.Line, 1, memberIndent, newLine, needsLabel ? braceIndent + "public:" : null, written);
    }

    /// <summary>
    /// A function's declarator as written: from its name (at the cursor's location) through the ')' that closes its
    /// parameters and a const after it; null when the name is not spelled there (a macro made it).
    /// </summary>
    public Model.SourceSpan? Declarator(Cursor function)
    {
        var at = function.Location;
        var (_, end) = function.Extent;
        if (at.File.Length == 0 || at.File != end.File)
        {
            return null;
        }
        var bytes = _files.GetOrAdd(at.File, Utf8AsClangSawIt);
        var name = Encoding.UTF8.GetBytes(function.Spelling);
        if (at.Offset + name.Length > bytes.Length || !bytes.AsSpan(at.Offset, name.Length).SequenceEqual(name))
        {
            return null;
        }
        var index = at.Offset + name.Length;
        while (index < bytes.Length && bytes[index] is (byte)' ' or (byte)'\t')
        {
            index++;
        }
        if (index >= bytes.Length || bytes[index] != (byte)'(')
        {
            return null;
        }
        var depth = 0;
        for (; index < bytes.Length && index < end.Offset; index++)
        {
            depth += bytes[index] == (byte)'(' ? 1 : bytes[index] == (byte)')' ? -1 : 0;
            if (depth == 0)
            {
                break;
            }
        }
        if (depth != 0 || index >= bytes.Length)
        {
            return null;
        }
        var stop = index + 1;
        var after = stop;
        while (after < bytes.Length && bytes[after] is (byte)' ' or (byte)'\t')
        {
            after++;
        }
        if (after + 5 <= bytes.Length && bytes.AsSpan(after, 5).SequenceEqual("const"u8) && (after + 5 == bytes.Length || !char.IsAsciiLetterOrDigit((char)bytes[after + 5]) && bytes[after + 5] != (byte)'_'))
        {
            stop = after + 5;
        }
        var written = Encoding.UTF8.GetString(bytes, at.Offset, stop - at.Offset);
        if (written.Contains('\n'))
        {
            return null; // parameters over several lines: a one-line region only
        }
        var column = Column(at);
        return new Model.SourceSpan(at.File, at.Line, column, at.Line, column + written.Length, written);
    }

    private static string LeadingSpace(string line) => line[..(line.Length - line.TrimStart(' ', '\t').Length)];

    /// <summary>Offsets are into what clang parsed: a UTF-16 or ANSI file's UTF-8 transcoding.</summary>
    private static byte[] Utf8AsClangSawIt(string path)
    {
        try
        {
            return Io.SourceEncoding.AsUtf8ForClang(Io.SafeFile.ReadAllBytes(path, Io.SafeFile.MaxTextBytes), out _);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
