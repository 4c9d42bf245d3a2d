using System.IO.Compression;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// The IisModuleValidator.MSBuild package in a C++ module project, as NuGet installs it into a packages.config .vcxproj
/// (an Import of build/native in the ExtensionTargets group). A .vcxproj cannot build here, so the Visual C++ targets
/// are stood in for by ones that "link" by copying the sample's prebuilt DLL to $(TargetPath); everything else (the
/// sample's own project, the package, the tool it carries, MSBuild) is real. After Link, the findings of the DLL and of
/// the sources are MSBuild errors with file and line, which fail the build; a level configured down makes them warnings
/// and the build passes.
/// </summary>
public sealed class VcxprojTargetsTests
{
    [Fact]
    public async Task After_Link_findings_are_build_errors_with_file_and_line_and_follow_the_configured_level()
    {
        var packages = await PackedPackages.FolderOf("src/MsBuild/IisModuleValidator.MSBuild.csproj");
        using var temp = new TempDirectory();
        var nupkg = Assert.Single(Directory.GetFiles(packages, "IisModuleValidator.MSBuild.*.nupkg"));
        var packageFolder = Path.Combine(temp.Path, "packages", Path.GetFileNameWithoutExtension(nupkg));
        ZipFile.ExtractToDirectory(nupkg, packageFolder);

        // The solution as Visual Studio lays it out: the module project, the shared sources it compiles, packages/.
        temp.CopyFiles(Path.Combine(TestPaths.Samples, "cpp", "missing-handler"), "AuditModule");
        temp.CopyFiles(Path.Combine(TestPaths.Samples, "cpp", "common"), "common");
        var project = Path.Combine(temp.Path, "AuditModule", "missing-handler.vcxproj");
        var import = $@"..\packages\{Path.GetFileName(packageFolder)}\build\native\IisModuleValidator.MSBuild.targets";
        File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"""
              <ImportGroup Label="ExtensionTargets">
                <Import Project="{import}" Condition="Exists('{import}')" />
              </ImportGroup>
            </Project>
            """));
        var vcTargets = Path.Combine(temp.Path, "VCTargets");
        temp.CopyFiles(Path.Combine(TestPaths.RepositoryRoot, "src", "Analyzer", "FrontEnds", "Cpp", "Projects", "VCTargets"), "VCTargets", "*.props");
        temp.File(Path.Combine("VCTargets", "Microsoft.Cpp.targets"), System.Text.Encoding.UTF8.GetBytes("""
            <Project>
              <PropertyGroup>
                <TargetExt>.dll</TargetExt>
                <OutDir>$(ProjectDir)$(Platform)\$(Configuration)\</OutDir>
                <TargetPath>$(OutDir)$(TargetName)$(TargetExt)</TargetPath>
              </PropertyGroup>
              <Target Name="Link">
                <Copy SourceFiles="$(PrebuiltModule)" DestinationFiles="$(TargetPath)" />
              </Target>
              <Target Name="Build" DependsOnTargets="Link" />
            </Project>
            """));

        string[] Build(params string[] extra) =>
        [
            "msbuild", project, "-nologo", "-v:m", "-p:Configuration=Release", "-p:Platform=x64", $"-p:VCTargetsPath={vcTargets}{Path.DirectorySeparatorChar}",
            $"-p:PrebuiltModule={TestPaths.Sample("x64/missing-handler.dll")}", .. extra,
        ];
        var failed = await TestProcess.Run("dotnet", Build(), temp.Path);
        Assert.NotEqual(0, failed.ExitCode);
        // MSBuild's own error lines: "file(line,col): error CODE: message [project]", the form the Error List opens.
        Assert.Contains("missing-handler.cpp(36,12): error IISM2001: RQ_END_REQUEST is registered for CAuditModule", failed.Output);
        Assert.Contains("x64/Release/missing-handler.dll : error IISM2001: RQ_END_REQUEST is registered", failed.Output);
        Assert.Contains($"[{project}]", failed.Output);
        Assert.DoesNotContain("MSB3073", failed.Output);

        var passed = await TestProcess.Run("dotnet", Build("-p:IisModuleValidatorArguments=--rule%20IISM2001=warning"), temp.Path);
        Assert.True(passed.ExitCode == 0, passed.Output);
        Assert.Contains("missing-handler.cpp(36,12): warning IISM2001:", passed.Output);
        Assert.DoesNotContain("error", passed.Output);

        // A team that fails on warnings: the same warnings, and the build fails once, saying why.
        var strict = await TestProcess.Run("dotnet", Build("-p:IisModuleValidatorArguments=--rule%20IISM2001=warning", "-p:IisModuleValidatorFailOn=warning"), temp.Path);
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("missing-handler.cpp(36,12): warning IISM2001:", strict.Output);
        Assert.Contains("error IISM: IIS Module Validator: findings at or above IisModuleValidatorFailOn 'warning'", strict.Output);
    }
}
