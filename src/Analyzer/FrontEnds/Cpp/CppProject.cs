using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>One translation unit to parse, with the defines and include folders its project gives it.</summary>
public sealed record CompileUnit(string SourcePath, IReadOnlyList<string> Defines, IReadOnlyList<string> IncludeDirectories, IReadOnlyList<string> ExtraArguments)
{
    /// <summary>The header the project precompiles for this unit (MSVC /Yu: PrecompiledHeader Use, PrecompiledHeaderFile),
    /// as the unit's #include names it; null when the unit does not use one.</summary>
    public string? PrecompiledHeaderFile { get; init; }

    /// <summary>The item as the project writes it, where evaluation expanded it; messages quote this, not the evaluated path
    /// (see <see cref="Projects.EvaluatedText"/>).</summary>
    public string? AsWritten { get; init; }
}

/// <summary>The sources of one module: a folder, a .vcxproj configuration or a compile_commands.json.</summary>
/// <param name="Platform">Win32 or x64: selects the clang target.</param>
/// <param name="Configuration">The configuration whose sources are parsed ("Release|x64"), or null.</param>
/// <param name="Problems">What of the project could not be taken (a listed file that is missing, a bad entry): each a
/// notification, while the rest of the project is analyzed.</param>
public sealed record CppProject(string InputPath, string Platform, string? Configuration, IReadOnlyList<CompileUnit> Units, IReadOnlyList<ExportConfiguration> Exports,
    IReadOnlyList<string>? Problems = null)
{
    public IReadOnlyList<string> ProblemList => Problems ?? [];

    /// <summary>
    /// The configurations of one project analyzed at most: real projects have a handful, and each one's model lists every
    /// configuration's exports, so 20,000 of them took a check 53 s.
    /// </summary>
    public const int MaxConfigurations = 32;

    /// <summary>The IISM9010 text for a project that declares more than <see cref="MaxConfigurations"/>.</summary>
    public static string TooManyConfigurations(int declared) =>
        $"the project declares {declared} configurations; the first {MaxConfigurations} were analyzed (no project needs more)";

    /// <summary>Imports that do not exist here (the Visual C++ targets on Linux), passed over (--verbose).</summary>
    public IReadOnlyList<string> MissingImports { get; init; } = [];

    /// <summary>How the project was evaluated (MSBuild, or the validator's own reading and why), for --verbose.</summary>
    public string? EvaluationNote { get; init; }

    /// <summary>The project's ConfigurationType (DynamicLibrary, StaticLibrary, Application), when it says.</summary>
    public string? ConfigurationType { get; init; }
}
