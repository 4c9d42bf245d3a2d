using System.Text;
using IisModuleValidator.Analysis;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// CMake trees read without running cmake (samples/cmake): one module per shared-library target, with the include
/// folders, definitions, .def and /EXPORT: the Windows build would use; configure_file() templates expanded outside
/// the tree; folders nothing adds left alone.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class CMakeProjectTests
{
    private static readonly string TwoModules = Path.Combine(TestPaths.Samples, "cmake", "two-modules");

    [Fact]
    public void The_tree_reports_exactly_its_marked_findings_and_not_its_unbuilt_folder()
    {
        var report = new ModuleValidator().Run([TwoModules], TestPaths.RepositoryRoot);

        Assert.Equal(SourceExpectations.For(TwoModules), SourceExpectations.Keys(report.Findings));
        Assert.Empty(report.Notifications);
        var input = Assert.Single(report.Inputs);
        Assert.Equal(Path.Combine(TwoModules, "CMakeLists.txt"), input.FullPath);
        Assert.Contains(report.SkippedInputs, line => line.Contains("target contoso-logger: read by the validator's own CMake reader"));
    }

    [Fact]
    public void A_finding_in_a_configured_template_points_at_the_template_and_the_tree_is_left_as_it_was()
    {
        using var temp = new TempDirectory();
        CopyTwoModulesInto(temp);
        var logger = Path.Combine(temp.Path, "logger", "CMakeLists.txt");
        File.WriteAllText(logger, File.ReadAllText(logger).Replace("RQ_LOG_REQUEST | RQ_END_REQUEST", "RQ_LOG_REQUEST | RQ_BEGIN_REQUEST"));
        var before = Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        var report = new ModuleValidator().Run([temp.Path], temp.Path);

        var generated = Assert.Single(report.Findings, finding => finding.Message.Contains("RQ_BEGIN_REQUEST"));
        Assert.Equal((Path.Combine(temp.Path, "logger", "register.cpp.in"), 6), (generated.Location.FilePath, generated.Location.Line ?? 0));
        Assert.Equal(before, Directory.EnumerateFiles(temp.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A fix in a template's expansion: moved to the template where its lines read the same there, and --fix applies it
    /// to the template; dropped where the line holds an @VAR@ (the columns differ). Before, SARIF carried an edit of the
    /// scratch folder's file, gone after the run.
    /// </summary>
    [Fact]
    public void A_fix_in_a_configured_template_edits_the_template_where_its_lines_are_the_expansions_and_is_dropped_elsewhere()
    {
        using var temp = new TempDirectory();
        CopyTwoModulesInto(temp);
        var template = Path.Combine(temp.Path, "logger", "register.cpp.in");
        var original = File.ReadAllText(template);

        // The post mask on the line of @LOGGER_MASK@: the finding at the template, no fix.
        File.WriteAllText(template, original.Replace("@LOGGER_MASK@, 0);", "@LOGGER_MASK@, RQ_SEND_RESPONSE);"));
        var (_, sarif, _) = Cli.CliRun.Run("check", temp.Path, "--format", "sarif", "--base-dir", temp.Path);
        Assert.DoesNotContain("iism-cmake-", sarif);
        var sameLine = new ModuleValidator().Run([temp.Path], temp.Path).Findings.Single(finding => finding.RuleId == "IISM2004");
        Assert.Equal((template, 6), (sameLine.Location.FilePath, sameLine.Location.Line ?? 0));
        Assert.Empty(sameLine.Fixes);

        // The post mask on a line of its own: the fix edits the template, and the finding is gone.
        File.WriteAllText(template, original.Replace("@LOGGER_MASK@, 0);", "@LOGGER_MASK@,\n        RQ_SEND_RESPONSE);"));
        var ownLine = new ModuleValidator().Run([temp.Path], temp.Path).Findings.Single(finding => finding.RuleId == "IISM2004");
        Assert.Equal(template, Assert.Single(Assert.Single(ownLine.Fixes).Edits).FilePath);
        Cli.CliRun.Run("check", temp.Path, "--fix", "--base-dir", temp.Path);
        Assert.Contains("@LOGGER_MASK@,\n        0);", File.ReadAllText(template));
        Assert.DoesNotContain(new ModuleValidator().Run([temp.Path], temp.Path).Findings, finding => finding.RuleId == "IISM2004");
    }

    private static void CopyTwoModulesInto(TempDirectory temp)
    {
        foreach (var file in Directory.EnumerateFiles(TwoModules, "*", SearchOption.AllDirectories))
        {
            temp.File(Path.GetRelativePath(TwoModules, file), File.ReadAllBytes(file));
        }
    }

    [Fact]
    public void Environment_variables_do_not_expand_and_folders_outside_the_tree_are_not_read()
    {
        using var temp = new TempDirectory();
        temp.File("outside/CMakeLists.txt", Encoding.UTF8.GetBytes("add_library(outside SHARED outside.cpp)\n"));
        temp.File("outside/outside.cpp", Encoding.UTF8.GetBytes("#include <httpserv.h>\nclass C : public CHttpModule {};\n"));
        temp.File("tree/CMakeLists.txt", Encoding.UTF8.GetBytes(
            "project(p)\nadd_subdirectory(../outside)\nadd_library(m SHARED m.cpp)\ntarget_compile_definitions(m PRIVATE \"TOKEN=$ENV{HOME}\")\n"));
        temp.File("tree/m.cpp", Encoding.UTF8.GetBytes("#define _WINSOCKAPI_\n#include <windows.h>\n#include <httpserv.h>\n"
            + "extern \"C\" HRESULT WINAPI RegisterModule(DWORD, IHttpModuleRegistrationInfo*, IHttpServer*) { return S_OK; }\n"));

        var projects = FrontEnds.Cpp.Projects.CMake.CMakeProject.Load(Path.Combine(temp.Path, "tree", "CMakeLists.txt"), Path.Combine(temp.Path, "scratch"), out _, out _);

        var project = Assert.Single(projects);
        Assert.Equal("m", project.Configuration);
        Assert.Contains("TOKEN=", project.Units.Single().Defines);
        Assert.Contains("add_subdirectory(../outside) leaves the tree and was not read", project.EvaluationNote);
        Assert.Single(project.Exports, configuration => configuration is { DefFile: null, LinkerExports.Count: 0 });
    }
}
