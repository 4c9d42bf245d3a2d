namespace IisModuleValidator.Model;

/// <summary>How one build configuration of a project exports functions.</summary>
/// <param name="Name">"Release|Win32" for a .vcxproj configuration; the folder for a plain folder of sources.</param>
/// <param name="Platform">Win32, x64 or ARM64.</param>
/// <param name="DefFile">The module-definition file the configuration names, or null.</param>
/// <param name="DefFileExists">Whether that file exists.</param>
/// <param name="DefFileExportsRegisterModule">Whether it exports the plain name RegisterModule.</param>
/// <param name="LinkerExports">Names given with /EXPORT: in the linker options.</param>
public sealed record ExportConfiguration(
    string Name,
    string Platform,
    string? DefFile,
    bool DefFileExists,
    bool DefFileExportsRegisterModule,
    IReadOnlyList<string> LinkerExports,
    SourceLocation Location)
{
    /// <summary>The edits that would make this configuration export RegisterModule (IISM4001's fix); empty when there are none.</summary>
    public IReadOnlyList<TextEdit> ExportRepair { get; init; } = [];
}
