using System.Text.RegularExpressions;

namespace IisModuleValidator.Rules.Binary;

/// <summary>The ways a toolchain can decorate the name RegisterModule, each with its cause and its fix.</summary>
public static partial class RegisterModuleDecorations
{
    public sealed record Decoration(string Cause, string Fix);

    [GeneratedRegex(@"^_RegisterModule@\d+$")]
    private static partial Regex X86StdcallDecoration();

    [GeneratedRegex(@"^RegisterModule@\d+$")]
    private static partial Regex StdcallWithoutUnderscore();

    [GeneratedRegex(@"^\?RegisterModule@@")]
    private static partial Regex CppMangled();

    [GeneratedRegex(@"^_RegisterModule$")]
    private static partial Regex CdeclUnderscore();

    /// <summary>The decoration <paramref name="exportName"/> carries, or null when it is not a decorated RegisterModule.</summary>
    public static Decoration? Classify(string exportName)
    {
        if (X86StdcallDecoration().IsMatch(exportName))
        {
            return new("x86 __stdcall decoration: __declspec(dllexport) on a WINAPI function without a .def file",
                "Export it with a .def file ('EXPORTS RegisterModule') or /EXPORT:RegisterModule instead of __declspec(dllexport).");
        }
        if (StdcallWithoutUnderscore().IsMatch(exportName))
        {
            return new("stdcall decoration without the leading underscore, as mingw-w64 writes it without --kill-at or a .def file spells it",
                "Link with -Wl,--kill-at (mingw-w64), or export the plain name 'RegisterModule' in the .def file.");
        }
        if (CppMangled().IsMatch(exportName))
        {
            return new("C++ name mangling: the function is not declared extern \"C\"",
                "Declare it extern \"C\" HRESULT WINAPI RegisterModule(DWORD, IHttpModuleRegistrationInfo*, IHttpServer*).");
        }
        if (CdeclUnderscore().IsMatch(exportName))
        {
            return new("a leading underscore, the x86 C decoration, spelled into the export name",
                "Export the plain name 'RegisterModule' (.def file or /EXPORT:RegisterModule).");
        }
        return null;
    }
}
