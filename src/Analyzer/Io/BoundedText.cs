using System.Globalization;
using System.Text;

namespace IisModuleValidator.Io;

/// <summary>Text from an input, made fit to quote in a message: control characters escaped, at most so many characters.</summary>
public static class BoundedText
{
    public const int DefaultLength = 160;

    public static string Of(string text, int maxLength = DefaultLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        foreach (var character in text)
        {
            if (builder.Length >= maxLength)
            {
                return builder.Append('…').ToString();
            }
            builder.Append(character switch
            {
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ when char.IsControl(character) => "\\u" + ((int)character).ToString("x4", CultureInfo.InvariantCulture),
                _ => character.ToString(),
            });
        }
        return builder.ToString();
    }
}
