using System.Text;

namespace IisModuleValidator.Io;

/// <summary>
/// The encoding of everything written to and read from the standard streams: UTF-8 without a byte order mark. Linux
/// uses it already; Windows uses the console's OEM code page (437, 850, ...) even when the output goes to a file or a
/// pipeline, so a finding on C:\src\módulo\… would read "m?dulo" in the SARIF a CI step redirected.
/// </summary>
public static class ConsoleText
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static void UseUtf8()
    {
        if (!OperatingSystem.IsWindows())
        {
            return;
        }
        try
        {
            Console.OutputEncoding = Utf8;
            Console.InputEncoding = Utf8;
        }
        catch (IOException)
        {
            // No console to set a code page on (a service, a detached process): the streams keep their default.
        }
    }
}
