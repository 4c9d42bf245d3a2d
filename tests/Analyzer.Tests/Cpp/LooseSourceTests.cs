using System.Text;
using IisModuleValidator.Analysis;
using IisModuleValidator.Cli;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// Folders of sources with no project (samples/loose): each reports exactly its marked findings and recovers what its
/// inspect.expected says; and what proves how RegisterModule is exported, or does not.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class LooseSourceTests
{
    private static readonly string Root = Path.Combine(TestPaths.Samples, "loose");

    public static TheoryData<string> Folders() =>
        new(Directory.EnumerateDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Folders))]
    public void Each_loose_folder_reports_exactly_its_marked_findings(string folder)
    {
        var report = new ModuleValidator().Run([Path.Combine(Root, folder)], TestPaths.RepositoryRoot);
        Assert.Equal(SourceExpectations.For(Path.Combine(Root, folder)), SourceExpectations.Keys(report.Findings));
        Assert.Empty(report.Notifications);
    }

    [Theory]
    [MemberData(nameof(Folders))]
    public void Inspect_recovers_the_registrations_and_classes_of_each_loose_folder(string folder)
    {
        var output = new StringWriter();
        var exit = CommandLine.Invoke(CliApplication.CreateRoot(), ["inspect", "--base-dir", TestPaths.RepositoryRoot, Path.Combine(Root, folder)], output, new StringWriter());
        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Path.Combine(Root, folder, "inspect.expected")).TrimEnd('\n'), InspectTests.ModelPart(output.ToString()));
    }

    private const string Module = """
        #define _WINSOCKAPI_
        #include <windows.h>
        #include <httpserv.h>
        {{pragma}}
        class CProbe : public CHttpModule
        {
        public:
            REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext*, IHttpEventProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
        };
        class CProbeFactory : public IHttpModuleFactory
        {
        public:
            HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override { *ppModule = new CProbe; return S_OK; }
            void Terminate() override { delete this; }
        };
        {{export}} HRESULT WINAPI RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*)
        {
            return pModuleInfo->SetRequestNotifications(new CProbeFactory, RQ_BEGIN_REQUEST, 0);
        }
        """;

    private static AnalysisReport CheckLoose(string pragma, string export)
    {
        using var temp = new TempDirectory();
        temp.File("module.cpp", Encoding.UTF8.GetBytes(Module.Replace("{{pragma}}", pragma).Replace("{{export}}", export)));
        return new ModuleValidator().Run([temp.Path], temp.Path);
    }

    [Fact]
    public void Only_dllexport_proves_a_cpp_linkage_RegisterModule_is_exported_mangled()
    {
        Assert.Empty(CheckLoose("", "").Findings);
        var mangled = Assert.Single(CheckLoose("", "__declspec(dllexport)").Findings);
        Assert.Equal("IISM4003", mangled.RuleId);
        Assert.Contains("__declspec(dllexport) but not extern \"C\"", mangled.Message);
        Assert.Empty(CheckLoose("#pragma comment(linker, \"/EXPORT:RegisterModule\")", "__declspec(dllexport)").Findings);
    }

    [Fact]
    public void A_linker_pragma_in_the_sources_exports_RegisterModule_for_every_configuration_of_a_project()
    {
        using var temp = new TempDirectory();
        temp.File("module.cpp", Encoding.UTF8.GetBytes(Module.Replace("{{pragma}}", "#pragma comment(linker, \"/EXPORT:RegisterModule\")").Replace("{{export}}", "")));
        var project = File.ReadAllText(Path.Combine(TestPaths.Samples, "cpp", "module-host", "module-host.vcxproj"))
            .Replace("<ModuleDefinitionFile>module-host.def</ModuleDefinitionFile>", "").Replace("module-host.cpp", "module.cpp").Replace("<None Include=\"module-host.def\" />", "");
        var path = temp.File("module.vcxproj", Encoding.UTF8.GetBytes(project));

        var report = new ModuleValidator().Run([path], temp.Path);
        Assert.Empty(report.Findings);
        Assert.All(report.Inputs.Single().Model!.Exports, configuration => Assert.Contains("RegisterModule", configuration.LinkerExports));

        // Without the pragma the same project exports nothing: IISM4001 for each of its four configurations, and no "mangled" claim.
        File.WriteAllText(Path.Combine(temp.Path, "module.cpp"), Module.Replace("{{pragma}}", "").Replace("{{export}}", ""));
        var unexported = new ModuleValidator().Run([path], temp.Path);
        Assert.Equal(4, unexported.Findings.Count(finding => finding.RuleId == "IISM4001"));
        Assert.DoesNotContain(unexported.Findings, finding => finding.RuleId == "IISM4003");
    }
}
