using System.Text;
using IisModuleValidator.FrontEnds.Cpp;
using IisModuleValidator.FrontEnds.Cpp.Projects;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// Which configurations of a sample project are parsed, decided from the projects' text (the validator's own
/// evaluation, no parse): Debug and Release fold where the module's code never names what they define otherwise, and do
/// not where it does, in a source or in a local header; platforms never fold. The parses themselves are
/// CppSampleTests' (samples/cpp/debug-tracing's Debug-only IISM2001 must survive).
/// </summary>
public sealed class ConfigurationFoldingTests
{
    private static List<string> Groups(string sample) =>
        Groups(VcxprojProject.LoadConfigurations(Path.Combine(TestPaths.Samples, "cpp", sample, sample + ".vcxproj"), useMsBuild: false));

    private static List<string> Groups(IReadOnlyList<CppProject> configurations) =>
        [.. ConfigurationFolding.Fold(configurations, out _).Select(group =>
            string.Join(" ", [group.Parsed.Configuration!, .. group.Folded.Select(folded => $"+{folded.Configuration.Configuration}({string.Join(",", folded.Macros)})")]))];

    [Fact]
    public void Debug_and_Release_of_one_platform_fold_when_no_source_names_what_they_define_otherwise()
    {
        Assert.Equal(["Release|x64 +Debug|x64(NDEBUG,_DEBUG)", "Debug|Win32 +Release|Win32(NDEBUG,_DEBUG)"], Groups("win32-only-bug"));
    }

    [Fact]
    public void A_macro_that_a_local_header_tests_keeps_its_configurations_apart()
    {
        // debug-tracing.cpp never names MODULE_TRACING; TraceConfig.h, which it includes, does.
        Assert.Equal(["Release|x64", "Debug|Win32", "Release|Win32", "Debug|x64"], Groups("debug-tracing"));
    }

    [Fact]
    public void A_source_that_tests_the_macro_itself_or_a_define_that_names_no_macro_is_parsed_per_configuration()
    {
        using var temp = new TempDirectory();
        var source = temp.File("module.cpp", Encoding.UTF8.GetBytes("#include <httpserv.h>\n#if !defined(NDEBUG)\n#define EXTRA RQ_LOG_REQUEST\n#endif\n"));
        CppProject Configuration(string name, params string[] defines) =>
            new(Path.Combine(temp.Path, "m.vcxproj"), "x64", name, [new CompileUnit(source, defines, [temp.Path], [])], []);

        Assert.Equal(["Release|x64", "Debug|x64"], Groups([Configuration("Release|x64", "NDEBUG"), Configuration("Debug|x64", "_DEBUG")]));
        Assert.Equal(["Release|x64 +Debug|x64(TRACE)"], Groups([Configuration("Release|x64", "NDEBUG"), Configuration("Debug|x64", "NDEBUG", "TRACE=1")]));
        Assert.Equal(["Release|x64", "Debug|x64"], Groups([Configuration("Release|x64", "NDEBUG"), Configuration("Debug|x64", "NDEBUG", "=1")]));
    }

    [Fact]
    public void Different_include_folders_or_platforms_are_never_folded()
    {
        using var temp = new TempDirectory();
        var source = temp.File("module.cpp", Encoding.UTF8.GetBytes("#include <httpserv.h>\n"));
        var project = Path.Combine(temp.Path, "m.vcxproj");
        Assert.Equal(["Release|x64", "Debug|x64"], Groups([
            new CppProject(project, "x64", "Release|x64", [new CompileUnit(source, ["NDEBUG"], [temp.Path], [])], []),
            new CppProject(project, "x64", "Debug|x64", [new CompileUnit(source, ["_DEBUG"], [temp.Path, Path.Combine(temp.Path, "debug")], [])], [])]));
        Assert.Equal(["Release|x64", "Release|Win32"], Groups([
            new CppProject(project, "x64", "Release|x64", [new CompileUnit(source, ["NDEBUG"], [temp.Path], [])], []),
            new CppProject(project, "Win32", "Release|Win32", [new CompileUnit(source, ["NDEBUG"], [temp.Path], [])], [])]));
    }
}
