using System.Text;
using IisModuleValidator.Analysis;
using IisModuleValidator.Tests.Hostile;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// The fact behind IISM4003's exception: a RegisterModule with C++ linkage, exported by an undecorated .def entry, is
/// exported as plain "RegisterModule" (lld-link resolves the name to the C++ function, as link.exe does), on x86
/// and x64. Checked on DLLs built here, then the same source with its project must give no IISM4003.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class DefExportTests
{
    private const string Source = """
        // RegisterModule without extern "C": its symbol is C++-mangled, the .def exports it under its plain name.
        struct IHttpModuleRegistrationInfo;
        struct IHttpServer;
        long __stdcall RegisterModule(unsigned long, IHttpModuleRegistrationInfo*, IHttpServer*) { return 0; }
        """;

    [Theory]
    [InlineData("x86_64", "X64")]
    [InlineData("i686", "X86")]
    public void A_def_file_exports_a_cpp_linkage_RegisterModule_under_its_plain_name(string target, string machine)
    {
        using var temp = new TempDirectory();
        var source = temp.File("module.cpp", Encoding.UTF8.GetBytes(Source));
        var def = temp.File("module.def", Encoding.UTF8.GetBytes("EXPORTS\n    RegisterModule\n"));
        var obj = Path.Combine(temp.Path, "module.obj");
        var dll = Path.Combine(temp.Path, "module.dll");
        CraftedDll.Run("clang-cl-19", $"--target={target}-pc-windows-msvc", "/nologo", "/c", "/O2", "/GS-", "/Zl", $"/Fo{obj}", source);
        CraftedDll.Run("lld-link-19", "/nologo", "/DLL", "/NOENTRY", "/NODEFAULTLIB", $"/MACHINE:{machine}", $"/DEF:{def}", $"/OUT:{dll}", obj);

        var report = new ModuleValidator().Run([dll], temp.Path);

        var image = report.Inputs.Single().Model!.Image!;
        Assert.Contains(image.Exports, export => export.Name == "RegisterModule" && !export.IsForwarder);
        Assert.DoesNotContain(report.Findings, finding => finding.RuleId is "IISM1001" or "IISM1002");
    }

    [Fact]
    public void The_project_that_exports_it_with_a_def_file_gets_no_signature_error()
    {
        var report = new ModuleValidator().Run([Path.Combine(TestPaths.Samples, "cpp", "pch-module", "pch-module.vcxproj")], TestPaths.RepositoryRoot);

        var entry = Assert.Single(report.Inputs.Single().Model!.EntryPoints);
        Assert.False(entry.HasCLinkage);
        Assert.DoesNotContain(report.Findings, finding => finding.RuleId is "IISM4003" or "IISM4001");
    }
}
