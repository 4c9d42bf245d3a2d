using System.Text;
using IisModuleValidator.Analysis;

namespace IisModuleValidator.Tests.Hostile;

/// <summary>
/// Sources that crash, exhaust or hang a parser, and projects built to hurt: each costs its own file a notification,
/// and every other input is still reported.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class HostileSourceTests
{
    private static readonly string MissingHandler = TestPaths.MissingHandlerSource;

    // Sources that name nothing of IIS are not parsed at all: these say they belong to a module.
    private const string ModuleComment = "// Status mapping for the CHttpModule of this project.\n";

    private static string ElseIfChain(int count) =>
        ModuleComment + "int f(int x) {\n  if (x == 0) return 0;\n" + string.Concat(Enumerable.Range(1, count).Select(i => $"  else if (x == {i}) return {i};\n")) + "  return -1;\n}\n";

    private static AnalysisReport Run(TempDirectory temp, params string[] inputs) => new ModuleValidator().Run([.. inputs, MissingHandler], temp.Path);

    private static void AssertGoodModuleReported(AnalysisReport report) =>
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001" && finding.Location.FilePath == MissingHandler);

    [Fact]
    public void A_source_that_crashes_libclang_is_an_internal_failure_of_that_file_alone()
    {
        using var temp = new TempDirectory();
        // 6,000 crash libclang 14 to 19; clang 22 parses them and crashes on 30,000.
        var crasher = temp.File("elseif.cpp", Encoding.UTF8.GetBytes(ElseIfChain(30_000)));

        var report = Run(temp, crasher);

        var failure = Assert.Single(report.Notifications, notification => notification.FilePath == crasher);
        Assert.Equal("IISM9004", failure.RuleId);
        Assert.Contains("crashed", failure.Message);
        AssertGoodModuleReported(report);
    }

    [Fact]
    public void Deep_expressions_and_nesting_end_in_a_report()
    {
        using var temp = new TempDirectory();
        var sum = temp.File("sum.cpp", Encoding.UTF8.GetBytes(ModuleComment + "int g() { return 0" + string.Concat(Enumerable.Repeat(" + 1", 50_000)) + "; }\n"));
        var nested = temp.File("nested.cpp", Encoding.UTF8.GetBytes(ModuleComment + "int h() { return " + new string('(', 10_000) + "1" + new string(')', 10_000) + "; }\n"));
        var cycle = temp.File("cycle.cpp", Encoding.UTF8.GetBytes(ModuleComment + "#include \"cycle.h\"\nint c;\n"));
        temp.File("cycle.h", Encoding.UTF8.GetBytes("#include \"cycle.h\"\n"));
        var garbage = temp.File("garbage.cpp", [.. Encoding.UTF8.GetBytes(ModuleComment + "int a; \0\0\xff\xfe class { "), 0xC3, 0x28, 0x00, 0xFF]);

        var report = Run(temp, sum, nested, cycle, garbage);

        AssertGoodModuleReported(report);
        Assert.DoesNotContain(report.Notifications, notification => notification.FilePath == sum && notification.RuleId == "IISM9004");
    }

    [Fact]
    public void A_device_included_directly_is_refused_by_name_and_one_included_deeper_stops_at_the_memory_ceiling()
    {
        using var temp = new TempDirectory();
        var direct = temp.File("direct/devzero.cpp", Encoding.UTF8.GetBytes(ModuleComment + "#include \"/dev/zero\"\nint x;\n"));
        var nested = temp.File("nested/devzero.cpp", Encoding.UTF8.GetBytes(ModuleComment + "#include \"zero.h\"\nint x;\n"));
        temp.File("nested/zero.h", Encoding.UTF8.GetBytes("#include \"/dev/zero\"\n"));

        var report = Run(temp, direct, nested);

        var refused = Assert.Single(report.Notifications, notification => notification.FilePath == direct);
        Assert.Equal("IISM9010", refused.RuleId);
        Assert.Contains("/dev/zero", refused.Message);
        var stopped = Assert.Single(report.Notifications, notification => notification.FilePath == nested);
        Assert.Equal("IISM9004", stopped.RuleId);
        Assert.Contains("MiB of memory", stopped.Message);
        AssertGoodModuleReported(report);
    }

    [Fact]
    public void A_project_nested_100000_deep_is_refused_quickly()
    {
        using var temp = new TempDirectory();
        var text = new StringBuilder("<Project xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">");
        text.Append(string.Concat(Enumerable.Repeat("<ItemGroup>", 100_000))).Append(string.Concat(Enumerable.Repeat("</ItemGroup>", 100_000))).Append("</Project>");
        var project = temp.File("deep.vcxproj", Encoding.UTF8.GetBytes(text.ToString()));

        var report = Run(temp, project);

        var notification = Assert.Single(report.Notifications, notification => notification.FilePath == project);
        Assert.Equal("IISM9008", notification.RuleId);
        Assert.Contains("nested more than", notification.Message);
        AssertGoodModuleReported(report);
    }

    [Fact]
    public void Empty_dot_and_missing_source_items_are_named_and_the_rest_of_the_project_is_analyzed()
    {
        using var temp = new TempDirectory();
        temp.File("module/missing-handler.cpp", File.ReadAllBytes(MissingHandler));
        temp.CopyFiles(Path.Combine(TestPaths.Samples, "cpp", "common"), "common", "*.h");
        var project = temp.File("module/module.vcxproj", Encoding.UTF8.GetBytes("""
            <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup><ProjectConfiguration Include="Release|x64" /></ItemGroup>
              <ItemGroup>
                <ClCompile Include="" />
                <ClCompile Include="." />
                <ClCompile Include="gone.cpp" />
                <ClCompile Include="missing-handler.cpp" />
              </ItemGroup>
            </Project>
            """));

        var report = new ModuleValidator().Run([project], temp.Path);

        var skipped = report.Notifications.Where(notification => notification.RuleId == "IISM9010").Select(notification => notification.Message).ToList();
        Assert.Equal(3, skipped.Count);
        Assert.Contains(skipped, message => message.Contains("gone.cpp") && message.Contains("does not exist"));
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001");
        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
    }

    [Fact]
    public void CSharp_nested_10000_deep_and_a_missing_compile_item_end_in_a_report()
    {
        using var temp = new TempDirectory();
        var csharpSamples = Path.Combine(TestPaths.Samples, "csharp");
        temp.CopyFiles(Path.Combine(csharpSamples, "missing-slot"), "", "*.cs");
        temp.CopyFiles(Path.Combine(csharpSamples, "Interop"), "", "*.cs");
        temp.File("Deep.cs", Encoding.UTF8.GetBytes("static class Deep { static int D() => " + new string('(', 10_000) + "1" + new string(')', 10_000) + "; }\n"));
        var project = temp.File("module.csproj", Encoding.UTF8.GetBytes("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks></PropertyGroup>
              <ItemGroup><Compile Include="Gone.cs" /></ItemGroup>
            </Project>
            """));

        var report = new ModuleValidator().Run([project], temp.Path);

        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001");
        Assert.Contains(report.Notifications, notification => notification.Message.Contains("Gone.cs"));
        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
    }
}
