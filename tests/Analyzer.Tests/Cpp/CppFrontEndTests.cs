using IisModuleValidator.Analysis;
using IisModuleValidator.FrontEnds.Cpp.Toolchain;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>The C++ front end on sources written for one test: unknown masks, lost headers, compile_commands.json.</summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class CppFrontEndTests
{
    private static readonly string Common = Path.Combine(TestPaths.Samples, "cpp", "common");

    private static string Module(string registration) => $$"""
        #include "{{Common}}/iis_module.h"
        class CProbeModule : public CHttpModule
        {
        public:
            REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext*, IHttpEventProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
        };
        class CProbeFactory final : public IHttpModuleFactory
        {
        public:
            HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override { *ppModule = new CProbeModule(); return S_OK; }
            void Terminate() override { delete this; }
        };
        DWORD MaskFromConfiguration();
        extern "C" HRESULT WINAPI RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*)
        {
            {{registration}}
        }
        """;

    [Theory]
    [InlineData("return pModuleInfo->SetRequestNotifications(new CProbeFactory(), MaskFromConfiguration(), 0);", "computed at run time")]
    [InlineData("DWORD mask = RQ_BEGIN_REQUEST; mask = MaskFromConfiguration(); return pModuleInfo->SetRequestNotifications(new CProbeFactory(), mask, 0);", "computed at run time")]
    [InlineData("DWORD mask = RQ_BEGIN_REQUEST; mask &= ~RQ_END_REQUEST; return pModuleInfo->SetRequestNotifications(new CProbeFactory(), mask, 0);", "is changed with")]
    public void A_mask_computed_at_run_time_is_unknown_with_the_reason_and_reports_nothing(string registration, string reason)
    {
        using var temp = new TempDirectory();
        var source = temp.File("probe.cpp", System.Text.Encoding.UTF8.GetBytes(Module(registration)));
        var report = new ModuleValidator().Run([source], temp.Path);
        Assert.Empty(report.Notifications);
        Assert.DoesNotContain(report.Findings, finding => finding.RuleId != "IISM4003");
        var mask = Assert.Single(report.Inputs.Single().Model!.Registrations).Mask;
        Assert.Null(mask.Value);
        Assert.Contains(reason, mask.UnknownReason);
    }

    [Fact]
    public void A_conditional_bit_in_a_local_mask_is_in_the_known_union()
    {
        using var temp = new TempDirectory();
        var source = temp.File("probe.cpp", System.Text.Encoding.UTF8.GetBytes(Module(
            "DWORD mask = RQ_BEGIN_REQUEST; if (MaskFromConfiguration() != 0) { mask |= RQ_END_REQUEST; } return pModuleInfo->SetRequestNotifications(new CProbeFactory(), mask, 0);")));
        var report = new ModuleValidator().Run([source], temp.Path);
        Assert.Equal(0x801u, report.Inputs.Single().Model!.Registrations.Single().Mask.Value);
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001" && finding.Message.Contains("OnEndRequest"));
    }

    [Fact]
    public void A_file_that_lost_httpserv_h_is_reported_not_trusted()
    {
        using var temp = new TempDirectory();
        var source = temp.File("lost.cpp", "#include \"nowhere/httpserv.h\"\nclass CLost : public CHttpModule {};\n"u8.ToArray());
        var report = new ModuleValidator().Run([source], temp.Path);
        var notification = Assert.Single(report.Notifications);
        Assert.Equal("IISM9006", notification.RuleId);
        Assert.Contains("httpserv.h", notification.Message);
    }

    [Fact]
    public void Without_the_Windows_SDK_sources_get_a_notification_and_binaries_are_still_checked()
    {
        using var temp = new TempDirectory();
        var report = new ModuleValidator().Run(
            [Path.Combine(TestPaths.Samples, "cpp", "request-module", "request-module.cpp"), TestPaths.Sample("x64/no-export.dll")],
            TestPaths.RepositoryRoot, new AnalysisOptions(SdkInclude: temp.Path));
        Assert.Equal("IISM9007", Assert.Single(report.Notifications).RuleId);
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM1001");
    }

    [Fact]
    public void A_compilation_database_is_read_with_its_defines()
    {
        using var temp = new TempDirectory();
        var source = temp.File("module.cpp", System.Text.Encoding.UTF8.GetBytes(Module("""
            #ifdef WITH_END
            return pModuleInfo->SetRequestNotifications(new CProbeFactory(), RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);
            #else
            return pModuleInfo->SetRequestNotifications(new CProbeFactory(), RQ_BEGIN_REQUEST, 0);
            #endif
            """)));
        var database = $$"""[{ "directory": "{{temp.Path}}", "file": "module.cpp", "arguments": ["clang-cl", "/DWITH_END", "/c", "module.cpp"] }]""";
        var path = temp.File("compile_commands.json", System.Text.Encoding.UTF8.GetBytes(database));
        var report = new ModuleValidator().Run([path], temp.Path);
        Assert.Equal(0x801u, report.Inputs.Single().Model!.Registrations.Single().Mask.Value);
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001");
    }

    [Fact]
    public void Sources_past_the_parse_bound_are_a_problem_of_the_project_and_not_parsed()
    {
        using var temp = new TempDirectory();
        var units = Enumerable.Range(0, 3).Select(i => temp.File($"m{i}.cpp", System.Text.Encoding.UTF8.GetBytes(
            $"#define _WINSOCKAPI_\n#include <windows.h>\n#include <httpserv.h>\nclass C{i} : public CHttpModule {{}};\n")))
            .Select(path => new FrontEnds.Cpp.CompileUnit(path, [], [temp.Path], [])).ToList();
        var (toolchain, error) = FrontEnds.Cpp.Toolchain.CppToolchain.Discover();
        Assert.True(toolchain is not null, error);

        var analysis = new FrontEnds.Cpp.CppFrontEnd(toolchain) { MaxParsedUnits = 2 }.Analyze(new FrontEnds.Cpp.CppProject(temp.Path, "x64", null, units, []));

        Assert.Contains("3 of its sources name IIS; the first 2 were parsed", Assert.Single(analysis.Problems));
        Assert.Equal(2, analysis.UnitCount);
        Assert.Equal(["C0", "C1"], analysis.Model.Classes.Select(moduleClass => moduleClass.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_broken_project_file_is_a_notification()
    {
        using var temp = new TempDirectory();
        var project = temp.File("broken.vcxproj", "<Project><ItemGroup>"u8.ToArray());
        var report = new ModuleValidator().Run([project], temp.Path);
        var notification = Assert.Single(report.Notifications);
        Assert.Equal("IISM9008", notification.RuleId);
        Assert.Equal(project, notification.FilePath);
    }
}

/// <summary>Sharing a precompiled header of the first header is an optimization only: the model is the same without it.</summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class PrecompiledHeaderTests
{
    private static string Describe(FrontEnds.Cpp.CppProject project, bool share)
    {
        var (toolchain, error) = FrontEnds.Cpp.Toolchain.CppToolchain.Discover();
        Assert.True(toolchain is not null, error);
        var analysis = new FrontEnds.Cpp.CppFrontEnd(toolchain) { SharePrecompiledHeaders = share }.Analyze(project);
        Assert.Empty(analysis.Degraded);
        var writer = new StringWriter();
        new IisModuleValidator.Reporting.ModelWriter(TestPaths.RepositoryRoot).Write(analysis.Model, writer);
        return writer.ToString();
    }

    [Fact]
    public void A_header_with_declarations_shared_by_three_units_gives_the_same_model()
    {
        var project = FrontEnds.Cpp.Projects.VcxprojProject.Load(Path.Combine(TestPaths.Samples, "cpp", "split-module", "split-module.vcxproj"));
        Assert.Equal(Describe(project, share: false), Describe(project, share: true));
    }

    [Fact]
    public void A_directives_only_header_shared_by_three_units_gives_the_same_model()
    {
        var units = new[] { "request-module", "global-module", "request-and-global" }
            .Select(name => new FrontEnds.Cpp.CompileUnit(Path.Combine(TestPaths.Samples, "cpp", name, name + ".cpp"), [], [], []))
            .ToList();
        var project = new FrontEnds.Cpp.CppProject(TestPaths.Samples, "x64", null, units, []);
        var described = Describe(project, share: true);
        Assert.Equal(Describe(project, share: false), described);
        Assert.Contains("CRoutingGlobalModule", described);
        Assert.Contains("CAppWatchModule", described);
    }
}
