using System.Text;
using IisModuleValidator.FrontEnds.Cpp;
using IisModuleValidator.FrontEnds.Cpp.Projects;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// .vcxproj files are evaluated by MSBuild (the .NET SDK's, with stand-ins for the Visual C++ targets); the validator's
/// own reading is the fallback where no MSBuild is found. Both must agree on the samples; MSBuild must handle what the
/// fallback cannot (compound conditions, property functions).
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class ProjectEvaluationTests
{
    // What Visual Studio's own props add (CharacterSet, a DLL): the fallback does not know them.
    private static readonly HashSet<string> VisualStudioDefines = ["_WINDLL", "_UNICODE", "UNICODE", "_MBCS"];

    public static TheoryData<string> Projects() =>
        new(Directory.EnumerateFiles(Path.Combine(TestPaths.Samples, "cpp"), "*.vcxproj", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(TestPaths.Samples, path)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Projects))]
    public void MSBuild_and_the_fallback_reading_agree_on_every_sample(string relative)
    {
        var path = Path.Combine(TestPaths.Samples, relative);
        var evaluated = VcxprojProject.LoadConfigurations(path);
        var read = VcxprojProject.LoadConfigurations(path, useMsBuild: false);

        Assert.All(evaluated, project => Assert.StartsWith("evaluated by MSBuild", project.EvaluationNote));
        Assert.Equal(Describe(read), Describe(evaluated));
    }

    /// <summary>
    /// A Visual Studio's Visual C++ targets as they sit in an installation (MSBuild\Microsoft\VC\v170): its props add a
    /// define, as the real ones add _WINDLL or UNICODE, and call a property function that reads the environment, as the
    /// real ones read the registry. <paramref name="broken"/>: Microsoft.Cpp.props calls a function that does not exist, which
    /// fails the evaluation (an import that is not XML would only be ignored).
    /// </summary>
    private static string VisualStudioTargets(TempDirectory temp, bool broken = false)
    {
        var folder = Path.Combine(temp.Path, "Microsoft Visual Studio", "2022", "Enterprise", "MSBuild", "Microsoft", "VC", "v170");
        temp.File(Path.Combine(folder, "Microsoft.Cpp.Default.props"), Encoding.UTF8.GetBytes("""
            <Project>
              <PropertyGroup><VisualStudioTargetsSeen>$([System.Environment]::GetEnvironmentVariable('NO_SUCH_VARIABLE'))yes</VisualStudioTargetsSeen></PropertyGroup>
            </Project>
            """));
        temp.File(Path.Combine(folder, "Microsoft.Cpp.props"), Encoding.UTF8.GetBytes(broken ? "<Project><PropertyGroup><X>$([System.String]::NoSuchFunction())</X></PropertyGroup></Project>" : """
            <Project>
              <ItemDefinitionGroup>
                <ClCompile><PreprocessorDefinitions>VISUAL_STUDIO_PROPS_$(VisualStudioTargetsSeen);%(PreprocessorDefinitions)</PreprocessorDefinitions></ClCompile>
              </ItemDefinitionGroup>
            </Project>
            """));
        temp.File(Path.Combine(folder, "Microsoft.Cpp.targets"), Encoding.UTF8.GetBytes("<Project />"));
        return folder;
    }

    [Fact]
    public void A_visual_studios_visual_cpp_targets_are_evaluated_first_and_trusted_with_their_own_property_functions()
    {
        using var temp = new TempDirectory();
        var targets = VisualStudioTargets(temp);

        var projects = VcxprojProject.LoadConfigurations(Path.Combine(TestPaths.Samples, "cpp", "missing-handler", "missing-handler.vcxproj"), visualCppTargets: targets);

        Assert.All(projects, project => Assert.Equal($"evaluated by MSBuild in a project worker, with Visual Studio's Visual C++ targets ({targets}), missing imports ignored", project.EvaluationNote));
        Assert.All(projects.SelectMany(project => project.Units), unit => Assert.Contains("VISUAL_STUDIO_PROPS_yes", unit.Defines));
    }

    [Fact]
    public void When_a_visual_studios_targets_fail_the_stand_ins_are_used_and_the_note_says_why()
    {
        using var temp = new TempDirectory();
        var targets = VisualStudioTargets(temp, broken: true);

        var projects = VcxprojProject.LoadConfigurations(Path.Combine(TestPaths.Samples, "cpp", "missing-handler", "missing-handler.vcxproj"), visualCppTargets: targets);

        var expected = $"evaluated by MSBuild in a project worker, with the validator's stand-ins for the Visual C++ targets, since evaluating with Visual Studio's ({targets}) failed: MSBuild could not evaluate it (MSB4186 at Microsoft.Cpp.props(";
        Assert.All(projects, project => Assert.True(project.EvaluationNote?.StartsWith(expected, StringComparison.Ordinal), project.EvaluationNote));
        Assert.All(projects.SelectMany(project => project.Units), unit => Assert.DoesNotContain(unit.Defines, define => define.StartsWith("VISUAL_STUDIO_PROPS", StringComparison.Ordinal)));
        Assert.Contains(projects.SelectMany(project => project.Units), unit => unit.Defines.Contains("_WINDLL"));
    }

    [Fact]
    public void A_property_sheet_outside_visual_studio_is_held_to_the_refused_functions_with_its_targets_too()
    {
        using var temp = new TempDirectory();
        var targets = VisualStudioTargets(temp);
        var sample = File.ReadAllText(Path.Combine(TestPaths.Samples, "cpp", "missing-handler", "missing-handler.vcxproj"));
        // A sheet only MSBuild finds (its path is computed), which reads the environment as Visual Studio's props may.
        var hostile = sample.Replace("<PropertyGroup Label=\"Globals\">",
            "<Import Project=\"$([MSBuild]::NormalizePath('$(MSBuildThisFileDirectory)', 'sheet.props'))\" /><PropertyGroup Label=\"Globals\">", StringComparison.Ordinal);
        Assert.NotEqual(sample, hostile);
        var project = temp.File("hostile/missing-handler.vcxproj", Encoding.UTF8.GetBytes(hostile));
        temp.File("hostile/sheet.props", Encoding.UTF8.GetBytes("<Project><PropertyGroup><Home>$([System.Environment]::GetEnvironmentVariable('HOME'))</Home></PropertyGroup></Project>"));
        foreach (var source in Directory.GetFiles(Path.Combine(TestPaths.Samples, "cpp", "missing-handler"), "*.cpp"))
        {
            temp.File(Path.Combine("hostile", Path.GetFileName(source)), File.ReadAllBytes(source));
        }

        var projects = VcxprojProject.LoadConfigurations(project, visualCppTargets: targets);

        Assert.All(projects, configuration => Assert.StartsWith("read by the validator's own evaluation", configuration.EvaluationNote));
        Assert.Contains(projects.SelectMany(configuration => configuration.Problems ?? []),
            problem => problem.Contains("'sheet.props' calls the property function [System.Environment]::GetEnvironmentVariable", StringComparison.Ordinal));
    }

    private static List<string> Describe(IEnumerable<CppProject> projects) =>
        [.. projects.SelectMany(project => project.Units.Select(unit =>
                $"{project.Configuration} {unit.SourcePath} [{string.Join(";", unit.Defines.Where(define => !VisualStudioDefines.Contains(define)).Order(StringComparer.Ordinal))}] "
                + $"[{string.Join(";", unit.IncludeDirectories.Select(folder => folder.TrimEnd('/')).Distinct().Order(StringComparer.Ordinal))}] pch={unit.PrecompiledHeaderFile}"))
            .Concat(projects.SelectMany(project => project.Exports).Select(export => $"{export.Name} {export.DefFile} {export.DefFileExportsRegisterModule} {string.Join(",", export.LinkerExports)}"))
            .Distinct().Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Precompiled_header_settings_are_read_per_unit_as_MSVC_applies_them(bool useMsBuild)
    {
        // Use with stdafx.h from the ItemDefinitionGroup; stdafx.cpp creates it (Create), Trace.cpp opts out (NotUsing).
        var project = VcxprojProject.LoadConfigurations(Path.Combine(TestPaths.Samples, "cpp", "cache-module", "cache-module.vcxproj"), useMsBuild)
            .Single(configuration => configuration.Configuration == "Release|x64");
        Assert.Equal(
            ["CacheKey.cpp stdafx.h", "CacheStore.cpp stdafx.h", "dllmain.cpp stdafx.h", "OutputCacheModule.cpp stdafx.h", "stdafx.cpp -", "Trace.cpp -"],
            project.Units.Select(unit => $"{Path.GetFileName(unit.SourcePath)} {unit.PrecompiledHeaderFile ?? "-"}"));
    }

    [Fact]
    public void Helper_units_that_see_httpserv_h_only_through_the_precompiled_header_are_not_parsed()
    {
        var report = new IisModuleValidator.Analysis.ModuleValidator().Run([Path.Combine(TestPaths.Samples, "cpp", "cache-module", "cache-module.vcxproj")], TestPaths.RepositoryRoot);
        var notParsed = report.SkippedInputs.Where(line => line.EndsWith("names no module class, registration or RegisterModule, not parsed", StringComparison.Ordinal))
            .Select(line => Path.GetFileName(line[..line.IndexOf(": ", StringComparison.Ordinal)])).Order(StringComparer.Ordinal);
        Assert.Equal(["CacheKey.cpp", "CacheStore.cpp", "Trace.cpp", "stdafx.cpp"], notParsed);
        // The module's own units still give every fact: the finding is there.
        Assert.Equal("IISM2001", Assert.Single(report.Findings).RuleId);
    }

    [Fact]
    public void MSBuild_evaluates_compound_conditions_and_property_functions()
    {
        using var temp = new TempDirectory();
        temp.File("inc/module.h", "#pragma once\n"u8.ToArray());
        temp.File("src/module.cpp", "#include <httpserv.h>\n"u8.ToArray());
        temp.File("module.def", "EXPORTS\n    RegisterModule\n"u8.ToArray());
        var path = temp.File("module.vcxproj", Encoding.UTF8.GetBytes("""
            <Project DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup><ProjectConfiguration Include="Release|x64"><Configuration>Release</Configuration><Platform>x64</Platform></ProjectConfiguration></ItemGroup>
              <Import Project="$(VCTargetsPath)\Microsoft.Cpp.Default.props" />
              <PropertyGroup Condition="'$(Configuration)|$(Platform)'=='Release|x64'" Label="Configuration">
                <ConfigurationType>DynamicLibrary</ConfigurationType>
                <CharacterSet>Unicode</CharacterSet>
                <UseGzip Condition="'$(UseGzip)' == ''">true</UseGzip>
              </PropertyGroup>
              <Import Project="$(VCTargetsPath)\Microsoft.Cpp.props" />
              <ItemDefinitionGroup Condition="'$(Configuration)' == 'Release' and ('$(UseGzip)' == 'true' or Exists('gzip.props'))">
                <ClCompile>
                  <PreprocessorDefinitions>COMPRESS_GZIP;%(PreprocessorDefinitions)</PreprocessorDefinitions>
                  <AdditionalIncludeDirectories>$([System.IO.Path]::Combine($(MSBuildProjectDirectory), 'inc'));%(AdditionalIncludeDirectories)</AdditionalIncludeDirectories>
                </ClCompile>
                <Link><ModuleDefinitionFile>$(ProjectName).def</ModuleDefinitionFile></Link>
              </ItemDefinitionGroup>
              <ItemGroup><ClCompile Include="src\*.cpp" /></ItemGroup>
              <Import Project="$(VCTargetsPath)\Microsoft.Cpp.targets" />
            </Project>
            """));

        var project = Assert.Single(VcxprojProject.LoadConfigurations(path));

        var unit = Assert.Single(project.Units);
        Assert.EndsWith("src/module.cpp", unit.SourcePath);
        Assert.Contains("COMPRESS_GZIP", unit.Defines);
        Assert.Contains("UNICODE", unit.Defines);
        Assert.Contains(Path.Combine(temp.Path, "inc"), unit.IncludeDirectories);
        Assert.Equal("DynamicLibrary", project.ConfigurationType);
        Assert.True(Assert.Single(project.Exports).DefFileExportsRegisterModule);
    }
}
