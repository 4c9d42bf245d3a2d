using System.Text;
using IisModuleValidator.Analysis;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// Projects as they come from the field: property sheets and Directory.Build.props, solutions with libraries that
/// are not modules, vendored code, resource-only DLLs. Only modules are reported on, and only what is wrong in them.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class RealWorldProjectTests
{
    private static readonly string Samples = Path.Combine(TestPaths.Samples, "cpp");

    [Fact]
    public void A_solution_folder_reports_the_module_and_names_the_library_as_no_module()
    {
        var report = new ModuleValidator().Run([Path.Combine(Samples, "props-module")], TestPaths.RepositoryRoot);

        Assert.Empty(report.Findings);
        Assert.Empty(report.Notifications);
        Assert.Contains(report.SkippedInputs, line => line.Contains("LogFormat.vcxproj: not an IIS module (its ConfigurationType is StaticLibrary"));
        var module = report.Inputs.Single(input => input.FullPath.EndsWith("props-module.vcxproj", StringComparison.Ordinal)).Model!;
        // The .def comes from build\Module.props, the include folder from $(SolutionDir)inc (the folder is Inc), the
        // defines from the sheet and from Directory.Build.props.
        var export = Assert.Single(module.Exports);
        Assert.True(export.DefFileExportsRegisterModule);
        Assert.EndsWith("src/LoggingModule.def", export.DefFile);
        var handlers = module.FindClass("CLoggingModule")!.Handlers.Select(handler => handler.Name);
        Assert.Equal(["OnBeginRequest", "OnEndRequest", "OnLogRequest"], handlers);
    }

    [Fact]
    public void A_vendored_library_of_500_files_is_not_parsed_and_the_module_beside_it_is()
    {
        using var temp = new TempDirectory();
        var module = Path.Combine(Samples, "missing-handler");
        temp.CopyFiles(module, "module");
        temp.CopyFiles(Path.Combine(Samples, "common"), "common");
        var items = new StringBuilder();
        for (var i = 0; i < 500; i++)
        {
            temp.File($"module/third_party/zlib/src/part{i:D3}.c", Encoding.UTF8.GetBytes($"#include \"zconf.h\"\nint z_part{i}(int x) {{ return x * {i} + Z_BASE; }}\n"));
            items.Append($"    <ClCompile Include=\"src\\part{i:D3}.c\" />\n");
        }
        temp.File("module/third_party/zlib/src/zconf.h", Encoding.UTF8.GetBytes("#define Z_BASE 7\n"));
        temp.File("module/third_party/zlib/zlib.vcxproj", Encoding.UTF8.GetBytes($"""
            <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup><ProjectConfiguration Include="Release|x64" /></ItemGroup>
              <PropertyGroup><ConfigurationType>DynamicLibrary</ConfigurationType></PropertyGroup>
              <ItemGroup>
            {items}  </ItemGroup>
            </Project>
            """));

        var report = new ModuleValidator().Run([temp.Path], temp.Path);

        Assert.Equal(2, report.Findings.Count(finding => finding.RuleId == "IISM2001"));
        Assert.All(report.Findings, finding => Assert.Contains("missing-handler", finding.Location.FilePath));
        Assert.Empty(report.Notifications);
        Assert.Contains(report.SkippedInputs, line => line.Contains("zlib.vcxproj: not an IIS module"));
    }

    [Fact]
    public void A_resource_only_dll_and_a_host_that_loads_modules_get_no_export_error()
    {
        using var temp = new TempDirectory();
        temp.File("resources/strings.def", Encoding.UTF8.GetBytes("LIBRARY strings\nEXPORTS\n"));
        temp.File("resources/dllmain.cpp", Encoding.UTF8.GetBytes("#include <windows.h>\nBOOL WINAPI DllMain(HINSTANCE, DWORD, LPVOID) { return TRUE; }\n"));
        temp.File("resources/strings.vcxproj", Encoding.UTF8.GetBytes("""
            <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup><ProjectConfiguration Include="Release|x64" /></ItemGroup>
              <PropertyGroup><ConfigurationType>DynamicLibrary</ConfigurationType></PropertyGroup>
              <ItemDefinitionGroup><Link><ModuleDefinitionFile>strings.def</ModuleDefinitionFile></Link></ItemDefinitionGroup>
              <ItemGroup><ClCompile Include="dllmain.cpp" /></ItemGroup>
            </Project>
            """));
        // A loose folder of module sources with no project: nothing says how it is linked.
        temp.File("loose/module.cpp", File.ReadAllBytes(Path.Combine(Samples, "request-module", "request-module.cpp")));
        temp.CopyFiles(Path.Combine(Samples, "common"), "common", "*.h");

        var report = new ModuleValidator().Run([Path.Combine(temp.Path, "resources"), Path.Combine(temp.Path, "loose")], temp.Path);

        Assert.DoesNotContain(report.Findings, finding => finding.RuleId.StartsWith("IISM4", StringComparison.Ordinal));
        Assert.Empty(report.Notifications);
    }

    [Fact]
    public void A_solution_stands_for_its_projects_and_names_a_listed_project_that_is_missing()
    {
        using var temp = new TempDirectory();
        var solution = Path.Combine(Samples, "props-module", "LoggingModule.sln");
        var broken = temp.File("Broken.sln", Encoding.UTF8.GetBytes(File.ReadAllText(solution)
            .Replace("lib\\LogFormat.vcxproj", "lib\\Gone.vcxproj").Replace("\"props-module.vcxproj\"", $"\"{Path.Combine(Samples, "props-module", "props-module.vcxproj")}\"")));

        var whole = new ModuleValidator().Run([solution], TestPaths.RepositoryRoot);
        var partial = new ModuleValidator().Run([broken], temp.Path);

        Assert.Equal(["LogFormat.vcxproj", "props-module.vcxproj"], whole.Inputs.Select(input => Path.GetFileName(input.FullPath)).Order(StringComparer.Ordinal));
        Assert.Empty(whole.Findings);
        Assert.Empty(whole.Notifications);
        var missing = Assert.Single(partial.Notifications);
        Assert.Equal("IISM9001", missing.RuleId);
        Assert.Contains("Gone.vcxproj", missing.Message);
        Assert.Single(partial.Inputs);
    }

    [Fact]
    public void An_slnx_stands_for_its_projects_and_passes_over_folders_and_other_kinds_of_project()
    {
        using var temp = new TempDirectory();
        var props = Path.Combine(Samples, "props-module");
        // As `dotnet new sln` (.NET 10) and Visual Studio write it: a solution folder, a C# test project and a C++ module.
        var solution = temp.File("Modules.slnx", Encoding.UTF8.GetBytes($$"""
            <Solution>
              <Configurations><Platform Name="x64" /></Configurations>
              <Folder Name="/Solution Items/"><File Path="README.md" /></Folder>
              <Folder Name="/lib/">
                <Project Path="{{props}}/lib/LogFormat.vcxproj" />
              </Folder>
              <Project Path="{{props}}/props-module.vcxproj" />
              <Project Path="tools\Deploy.pssproj" Type="{F5034706-568F-408A-B7B3-4D38C6DB8A32}" />
              <Project Path="tests\Gone.csproj" />
            </Solution>
            """));

        var report = new ModuleValidator().Run([solution], temp.Path);

        Assert.Equal(["LogFormat.vcxproj", "props-module.vcxproj"], report.Inputs.Select(input => Path.GetFileName(input.FullPath)).Order(StringComparer.Ordinal));
        var missing = Assert.Single(report.Notifications);
        Assert.Equal("IISM9001", missing.RuleId);
        Assert.Contains("Gone.csproj", missing.Message);
        Assert.Contains(report.SkippedInputs, line => line.Contains("Deploy.pssproj") && line.Contains("not a C++ or C# project"));
        Assert.Contains(report.SkippedInputs, line => line.Contains("solution folder '/lib/'"));
        // The same solution as .sln, through the same library, lists the same projects.
        Assert.Equal(report.Inputs.Select(input => input.FullPath).Order(StringComparer.Ordinal),
            new ModuleValidator().Run([Path.Combine(props, "LoggingModule.sln")], TestPaths.RepositoryRoot).Inputs.Select(input => input.FullPath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_solution_that_is_not_one_is_named_and_an_slnx_with_a_dtd_is_refused()
    {
        using var temp = new TempDirectory();
        var garbage = temp.File("Garbage.sln", Encoding.UTF8.GetBytes("Microsoft Visual Studio Solution File, Format Version 12.00\nProject(\"{x}\") = \n\0\0"));
        var dtd = temp.File("Bomb.slnx", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE s [<!ENTITY a \"aaaaaaaaaa\">]><Solution><Project Path=\"&a;.vcxproj\" /></Solution>"));

        var report = new ModuleValidator().Run([garbage, dtd, Path.Combine(Samples, "missing-handler", "missing-handler.vcxproj")], temp.Path);

        Assert.Contains(report.Notifications, notification => notification.FilePath == dtd && notification.RuleId == "IISM9008");
        Assert.Contains(report.Notifications, notification => notification.FilePath == garbage && notification.RuleId == "IISM9008" && notification.Message.Contains("not a solution"));
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001");
        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
    }

    [Fact]
    public void A_RegisterModule_whose_types_were_lost_is_no_signature_error_but_a_real_int_parameter_is()
    {
        using var temp = new TempDirectory();
        var lost = temp.File("lost/module.cpp", Encoding.UTF8.GetBytes(
            "#include \"missing_httpserv_wrapper.h\"\nextern \"C\" long __stdcall RegisterModule(unsigned long v, IHttpModuleRegistrationInfo* info, IHttpServer* server) { return 0; }\n"));
        var wrong = temp.File("wrong/module.cpp", Encoding.UTF8.GetBytes(
            "#define _WINSOCKAPI_\n#include <windows.h>\n#include <httpserv.h>\nextern \"C\" HRESULT WINAPI RegisterModule(int v, IHttpModuleRegistrationInfo* info, IHttpServer* server) { return S_OK; }\n"));

        var report = new ModuleValidator().Run([lost, wrong], temp.Path);

        Assert.Contains(report.Notifications, notification => notification.RuleId == "IISM9005" && notification.FilePath == lost);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("IISM4003", wrong), (finding.RuleId, finding.Location.FilePath));
        Assert.Contains("(int, IHttpModuleRegistrationInfo *, IHttpServer *)", finding.Message);
    }
}
