using IisModuleValidator.Analysis;
using IisModuleValidator.Model;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// The C++ front end (libclang) on the sample projects: every rule fires on its broken sample at the marked line,
/// and nothing fires on the correct samples and the traps (split files, macros, #if branches, a stray .cpp).
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class CppSampleTests
{
    public static TheoryData<string> Projects() =>
        // A sample is a folder with a project of its name; other projects inside (a library of its solution) are part of it.
        new(Directory.EnumerateDirectories(Path.Combine(TestPaths.Samples, "cpp"))
            .Select(Path.GetFileName).OfType<string>()
            .Where(name => ProjectOf(name) is not null).Order(StringComparer.Ordinal));

    /// <summary>The sample's project: its .vcxproj, or the .vcproj of a Visual Studio 2008 sample.</summary>
    private static string? ProjectOf(string sample) =>
        new[] { ".vcxproj", ".vcproj" }.Select(extension => Path.Combine(TestPaths.Samples, "cpp", sample, sample + extension)).FirstOrDefault(File.Exists);

    private static AnalysisReport Check(string sample) =>
        new ModuleValidator().Run([ProjectOf(sample)!], TestPaths.RepositoryRoot);

    [Theory]
    [MemberData(nameof(Projects))]
    public void Each_sample_project_reports_exactly_its_marked_findings(string sample)
    {
        var report = Check(sample);
        Assert.Equal(SourceExpectations.For(Path.Combine(TestPaths.Samples, "cpp", sample)), SourceExpectations.Keys(report.Active));
        Assert.Equal(SourceExpectations.For(Path.Combine(TestPaths.Samples, "cpp", sample), suppressed: true), SourceExpectations.Keys(report.Findings.Where(finding => finding.IsSuppressed)));
        Assert.Equal(1, report.AnalyzedCount);
        var notifications = report.Notifications.Select(notification => notification.RuleId);
        Assert.Empty(notifications); // the toolset layer (libc++, the ATL and vcruntime stand-ins) parses every sample cleanly
    }

    [Fact]
    public void Every_source_rule_has_a_sample_that_fires_it()
    {
        var marked = SourceExpectations.MarkedRuleIds(Path.Combine(TestPaths.Samples, "cpp"));
        var sourceRules = Rules.RuleSet.All.Select(rule => rule.Id).Where(id => id[4] is '2' or '3' or '4');
        Assert.All(sourceRules, id => Assert.Contains(id, marked));
    }

    [Fact]
    public void A_file_left_out_of_the_project_is_not_analyzed_but_is_broken_on_its_own()
    {
        var sample = Path.Combine(TestPaths.Samples, "cpp", "split-module");
        Assert.Empty(Check("split-module").Findings);

        using var temp = new TempDirectory();
        // The project's files plus the stray one: now its registration is part of the module.
        var database = temp.File("compile_commands.json", System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(
            new[] { "handlers", "factory", "register", "stray" }.Select(name =>
                new { directory = sample, file = $"src/{name}.cpp", arguments = new[] { "clang-cl", "/Iinclude", "/c", $"src/{name}.cpp" } }))));
        var alone = new ModuleValidator().Run([database], temp.Path);
        Assert.Empty(alone.Notifications);
        Assert.Contains(alone.Findings, finding => finding.RuleId == "IISM2001" && finding.Message.Contains("RQ_SEND_RESPONSE"));
    }

    [Fact]
    public void Masks_from_locals_long_expressions_and_static_factory_methods_are_known()
    {
        var model = Check("split-module").Inputs.Single().Model!;
        var registration = Assert.Single(model.Registrations);
        Assert.Equal(0x00000001u | 0x00000800u, registration.Mask.Value); // RQ_BEGIN_REQUEST | RQ_END_REQUEST (the |= in an if)
        Assert.Equal(0x00000010u | 0x00000400u, registration.PostMask.Value); // RQ_MAP_REQUEST_HANDLER | RQ_LOG_REQUEST over 30 lines
        Assert.Equal("CSplitModuleFactory", registration.FactoryClass);
        Assert.Equal("CSplitModule", registration.ModuleClass);
        Assert.EndsWith("factory.cpp", registration.Location.FilePath);
        var handlers = model.FindClass("CSplitModule")!.Handlers;
        Assert.All(handlers, handler => Assert.True(handler.Overrides));
        Assert.All(handlers, handler => Assert.EndsWith("split_module.h", handler.Location.FilePath));
        Assert.All(handlers, handler => Assert.NotEmpty(handler.Returns)); // bodies from handlers.cpp merged in
    }

    [Fact]
    public void A_class_that_is_its_own_factory_and_a_base_class_list_with_a_private_base_are_understood()
    {
        var model = Check("shapes-module").Inputs.Single().Model!;
        Assert.Contains(model.Registrations, r => r.FactoryClass == "CSingletonModule" && r.ModuleClass == "CSingletonModule");
        Assert.Contains(model.Registrations, r => r.ModuleClass == "CConfigWatcher" && r.Mask.Value == 0x42u);
        var singleton = model.FindClass("CSingletonModule")!;
        Assert.Contains(singleton.Handlers, h => h.Name == "OnAuthenticateRequest" && h.Overrides && h.Parameters[1].AsWritten.Contains("IAuthenticationProvider"));
    }
}
