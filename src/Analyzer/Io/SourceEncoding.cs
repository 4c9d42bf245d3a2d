using System.Text;

namespace IisModuleValidator.Io;

/// <summary>
/// How Visual Studio saves sources and how MSVC reads them: UTF-8 (with or without a BOM), UTF-16 LE/BE with a BOM
/// (Visual Studio's "Unicode" encoding), or, without a BOM and not valid UTF-8, the ANSI code page (Windows-1252).
/// clang reads only UTF-8, so such files are handed to it transcoded. Transcoding keeps every line break, so the
/// line numbers clang reports are the original file's lines.
/// </summary>
public static class SourceEncoding
{
    public sealed record Decoded(string Text, string EncodingName, bool IsUtf8AsIs);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public static Decoded Decode(byte[] bytes)
    {
        if (bytes is [0xEF, 0xBB, 0xBF, ..])
        {
            // clang reads a UTF-8 BOM itself.
            return new Decoded(Utf8OrAnsi(bytes, 3, out var utf8), utf8 ? "UTF-8 with BOM" : "Windows-1252", utf8);
        }
        if (bytes is [0xFF, 0xFE, ..])
        {
            return new Decoded(Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16 LE", false);
        }
        if (bytes is [0xFE, 0xFF, ..])
        {
            return new Decoded(Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2), "UTF-16 BE", false);
        }
        if (LooksLikeUtf16WithoutBom(bytes, out var bigEndian))
        {
            var encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
            return new Decoded(encoding.GetString(bytes), bigEndian ? "UTF-16 BE" : "UTF-16 LE", false);
        }
        var text = Utf8OrAnsi(bytes, 0, out var isUtf8);
        return new Decoded(text, isUtf8 ? "UTF-8" : "Windows-1252", isUtf8);
    }

    /// <summary>
    /// <paramref name="text"/> in the encoding <paramref name="original"/> was saved in, with its byte-order mark if it had
    /// one: an edited UTF-16 file stays UTF-16, an ANSI one ANSI.
    /// </summary>
    public static byte[] EncodeLike(string text, byte[] original)
    {
        var decoded = Decode(original);
        var (encoding, preamble) = decoded.EncodingName switch
        {
            "UTF-16 LE" => ((Encoding)new UnicodeEncoding(false, false), original is [0xFF, 0xFE, ..] ? new byte[] { 0xFF, 0xFE } : []),
            "UTF-16 BE" => (new UnicodeEncoding(true, false), original is [0xFE, 0xFF, ..] ? new byte[] { 0xFE, 0xFF } : []),
            "Windows-1252" => (Windows1252.Value, original is [0xEF, 0xBB, 0xBF, ..] ? new byte[] { 0xEF, 0xBB, 0xBF } : []),
            _ => (new UTF8Encoding(false), original is [0xEF, 0xBB, 0xBF, ..] ? new byte[] { 0xEF, 0xBB, 0xBF } : []),
        };
        return [.. preamble, .. encoding.GetBytes(text)];
    }

    /// <summary>The bytes clang should parse: the file itself when it is plain UTF-8, else its UTF-8 transcoding.</summary>
    public static byte[] AsUtf8ForClang(byte[] bytes, out Decoded decoded)
    {
        decoded = Decode(bytes);
        return decoded.IsUtf8AsIs ? bytes : Encoding.UTF8.GetBytes(decoded.Text);
    }

    private static string Utf8OrAnsi(byte[] bytes, int start, out bool isUtf8)
    {
        try
        {
            isUtf8 = true;
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            isUtf8 = false;
            return Windows1252.Value.GetString(bytes, start, bytes.Length - start);
        }
    }

    /// <summary>ASCII text saved as UTF-16 without a BOM: a NUL in every other byte of the first line.</summary>
    private static bool LooksLikeUtf16WithoutBom(byte[] bytes, out bool bigEndian)
    {
        bigEndian = false;
        var sample = Math.Min(bytes.Length & ~1, 64);
        if (sample < 8)
        {
            return false;
        }
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < sample; i += 2)
        {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        var pairs = sample / 2;
        bigEndian = evenZeros == pairs && oddZeros == 0;
        return bigEndian || (oddZeros == pairs && evenZeros == 0);
    }
}
