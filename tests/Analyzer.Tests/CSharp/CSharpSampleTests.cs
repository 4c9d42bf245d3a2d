using IisModuleValidator.Analysis;
using IisModuleValidator.Contract;
using IisModuleValidator.Rules;
using IisModuleValidator.Tests.Cpp;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace IisModuleValidator.Tests.CSharp;

/// <summary>The Roslyn front end on the C# (NativeAOT) sample modules: each reports exactly its marked findings.</summary>
public sealed class CSharpSampleTests
{
    private static readonly string Root = Path.Combine(TestPaths.Samples, "csharp");

    public static TheoryData<string> Projects() =>
        new(Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Projects))]
    public void Each_sample_project_reports_exactly_its_marked_findings(string sample)
    {
        var report = new ModuleValidator().Run([Path.Combine(Root, sample, sample + ".csproj")], TestPaths.RepositoryRoot);
        Assert.Empty(report.Notifications); // the samples compile: no IISM9005
        Assert.Equal(SourceExpectations.For(Path.Combine(Root, sample)), SourceExpectations.Keys(report.Active));
        Assert.Equal(SourceExpectations.For(Path.Combine(Root, sample), suppressed: true), SourceExpectations.Keys(report.Findings.Where(finding => finding.IsSuppressed)));
    }

    [Fact]
    public void Every_CSharp_rule_and_the_shared_rules_fire_on_a_CSharp_sample()
    {
        // Every rule the IDE analyzer ships: a marker is a finding the sample test holds the sample to.
        var marked = SourceExpectations.MarkedRuleIds(Root);
        Assert.All(CSharpRuleSet.All.Select(rule => rule.Id), id => Assert.Contains(id, marked));
    }

    [Fact]
    public void The_samples_interop_vtables_are_in_httpserv_h_slot_order()
    {
        var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(Path.Combine(Root, "Interop", "HttpServ.cs")));
        foreach (var layout in new[] { IisContract.CHttpModule, IisContract.CGlobalModule, IisContract.IHttpModuleFactory, IisContract.IHttpModuleRegistrationInfo })
        {
            var vtable = tree.GetRoot().DescendantNodes().OfType<StructDeclarationSyntax>()
                .Single(s => s.Identifier.Text == "Vtbl" && s.Parent is StructDeclarationSyntax owner && owner.Identifier.Text == layout.ClassName);
            var fields = vtable.Members.OfType<FieldDeclarationSyntax>().Select(field => field.Declaration.Variables.Single().Identifier.Text);
            Assert.Equal(layout.Slots.Select(slot => slot.Name.StartsWith('~') ? "Destructor" : slot.Name), fields);
        }
    }

    [Fact]
    public void A_CSharp_file_that_does_not_compile_is_a_notification_and_still_read()
    {
        using var temp = new TempDirectory();
        var source = temp.File("Broken.cs", """
            public static class Broken
            {
                [System.Runtime.InteropServices.UnmanagedCallersOnly(EntryPoint = "RegisterModule")]
                public static int RegisterModule(uint version, nint info, nint server) => Missing.Value;
            }
            """u8.ToArray());
        var report = new ModuleValidator().Run([source], temp.Path);
        Assert.Equal("IISM9005", Assert.Single(report.Notifications).RuleId);
        Assert.Empty(report.Findings); // the entry point itself is right: (uint, nint, nint) -> int
    }

    [Fact]
    public void Package_references_that_are_not_restored_are_an_error_that_says_how_to_fix_it()
    {
        using var temp = new TempDirectory();
        temp.CopyFiles(Path.Combine(Root, "header-stamp"), "", "*.cs");
        var project = temp.File("module.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><AllowUnsafeBlocks>true</AllowUnsafeBlocks><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Contoso.Iis.Interop" Version="1.2.0" /></ItemGroup>
            </Project>
            """u8.ToArray());

        var report = new ModuleValidator().Run([project], temp.Path);

        var notification = Assert.Single(report.Notifications, notification => notification.RuleId == "IISM9008");
        Assert.Equal(IisModuleValidator.Catalog.RuleLevel.Error, notification.Level);
        Assert.Contains("dotnet restore module.csproj", notification.Message);
    }
}
