using System.Collections.Concurrent;
using System.Text;
using IisModuleValidator.FrontEnds.Cpp.Clang;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>The text of source files by byte offset, as clang reports extents.</summary>
internal sealed class SourceText
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

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
