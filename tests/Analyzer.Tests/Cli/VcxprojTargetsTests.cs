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
[Trait(Slow.Category, Slow.Value)]
public sealed class VcxprojTargetsTests
{
    /// <summary>The sample solution with the package installed in a temporary folder, and how to build it.</summary>
    private sealed class InstalledPackage : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public string Folder => _temp.Path;

        public string Project { get; private set; } = "";

        private string _vcTargets = "";

        private InstalledPackage()
        {
        }

        public static async Task<InstalledPackage> Create()
        {
            var installed = new InstalledPackage();
            var temp = installed._temp;
            var packages = await PackedPackages.FolderOf("src/MsBuild/IisModuleValidator.MSBuild.csproj");
            var nupkg = Assert.Single(Directory.GetFiles(packages, "IisModuleValidator.MSBuild.*.nupkg"));
            var packageFolder = Path.Combine(temp.Path, "packages", Path.GetFileNameWithoutExtension(nupkg));
            ZipFile.ExtractToDirectory(nupkg, packageFolder);

            // The solution as Visual Studio lays it out: the module project, the shared sources it compiles, packages/.
            temp.CopyFiles(Path.Combine(TestPaths.Samples, "cpp", "missing-handler"), "AuditModule");
            temp.CopyFiles(Path.Combine(TestPaths.Samples, "cpp", "common"), "common");
            installed.Project = Path.Combine(temp.Path, "AuditModule", "missing-handler.vcxproj");
            var project = installed.Project;
            var import = $@"..\packages\{Path.GetFileName(packageFolder)}\build\native\IisModuleValidator.MSBuild.targets";
            File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>", $"""
                  <ImportGroup Label="ExtensionTargets">
                    <Import Project="{import}" Condition="Exists('{import}')" />
                  </ImportGroup>
                </Project>
                """));
            installed._vcTargets = Path.Combine(temp.Path, "VCTargets");
            var vcTargets = installed._vcTargets;
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

            return installed;
        }

        public Task<ProcessRun> Build(params string[] extra) => Build(null, extra);

        public Task<ProcessRun> Build(IReadOnlyDictionary<string, string?>? environment, params string[] extra) =>
            TestProcess.Run("dotnet",
            [
                "msbuild", Project, "-nologo", "-v:m", "-p:Configuration=Release", "-p:Platform=x64", $"-p:VCTargetsPath={_vcTargets}{Path.DirectorySeparatorChar}",
                $"-p:PrebuiltModule={TestPaths.Sample("x64/missing-handler.dll")}", .. extra,
            ], Folder, environment);

        public void Dispose() => _temp.Dispose();
    }

    [Fact]
    public async Task After_Link_findings_are_build_errors_with_file_and_line_and_follow_the_configured_level()
    {
        using var installed = await InstalledPackage.Create();
        var project = installed.Project;
        var failed = await installed.Build();
        Assert.NotEqual(0, failed.ExitCode);
        // MSBuild's own error lines: "file(line,col): error CODE: message [project]", the form the Error List opens.
        Assert.Contains("missing-handler.cpp(36,12): error IISM2001: RQ_END_REQUEST is registered for CAuditModule", failed.Output);
        Assert.Contains("x64/Release/missing-handler.dll : error IISM2001: RQ_END_REQUEST is registered", failed.Output);
        Assert.Contains($"[{project}]", failed.Output);
        Assert.DoesNotContain("MSB3073", failed.Output);

        var passed = await installed.Build("-p:IisModuleValidatorArguments=--rule%20IISM2001=warning");
        Assert.True(passed.ExitCode == 0, passed.Output);
        Assert.Contains("missing-handler.cpp(36,12): warning IISM2001:", passed.Output);
        Assert.DoesNotContain("error", passed.Output);

        // A team that fails on warnings: the same warnings, and the build fails once, saying why.
        var strict = await installed.Build("-p:IisModuleValidatorArguments=--rule%20IISM2001=warning", "-p:IisModuleValidatorFailOn=warning");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("missing-handler.cpp(36,12): warning IISM2001:", strict.Output);
        Assert.Contains("error IISM: IIS Module Validator: findings at or above IisModuleValidatorFailOn 'warning'", strict.Output);
    }

    [Fact]
    public async Task The_sarif_file_is_written_and_a_passed_check_is_not_run_again_until_an_input_changes()
    {
        using var installed = await InstalledPackage.Create();
        var sarif = Path.Combine(installed.Folder, "AuditModule", "iis-modules.sarif");
        string[] settings = ["-p:IisModuleValidatorArguments=--rule%20IISM2001=warning", "-p:IisModuleValidatorSarifFile=iis-modules.sarif"];

        var first = await installed.Build(settings);
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("missing-handler.cpp(36,12): warning IISM2001:", first.Output);
        using (var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(sarif)))
        {
            Assert.Equal("2.1.0", document.RootElement.GetProperty("version").GetString());
            var results = document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray();
            Assert.Contains(results, result => result.GetProperty("ruleId").GetString() == "IISM2001");
        }

        // Nothing changed: MSBuild skips the target, so the validator does not run (its warning is not repeated).
        File.Delete(sarif);
        var unchanged = await installed.Build(settings);
        Assert.True(unchanged.ExitCode == 0, unchanged.Output);
        Assert.DoesNotContain("IISM2001", unchanged.Output);
        Assert.False(File.Exists(sarif));

        // An edited source, or a changed setting, runs it again.
        File.SetLastWriteTimeUtc(Path.Combine(installed.Folder, "AuditModule", "missing-handler.cpp"), DateTime.UtcNow.AddSeconds(5));
        var edited = await installed.Build(settings);
        Assert.Contains("missing-handler.cpp(36,12): warning IISM2001:", edited.Output);
        Assert.True(File.Exists(sarif));
        var stricter = await installed.Build([.. settings, "-p:IisModuleValidatorFailOn=warning"]);
        Assert.NotEqual(0, stricter.ExitCode);
        Assert.Contains("missing-handler.cpp(36,12): warning IISM2001:", stricter.Output);
    }

    [Fact]
    public async Task A_missing_dotnet_runtime_or_libclang_is_a_warning_that_names_it_and_a_property_makes_it_an_error()
    {
        using var installed = await InstalledPackage.Create();
        var noRuntime = await installed.Build("-p:IisModuleValidatorDotnet=/nonexistent/dotnet");
        Assert.True(noRuntime.ExitCode == 0, noRuntime.Output);
        Assert.Contains("warning IISM9007: IIS Module Validator did not run: it needs the .NET 10 runtime (Microsoft.NETCore.App 10.x), and '/nonexistent/dotnet' has none", noRuntime.Output);
        var strictRuntime = await installed.Build("-p:IisModuleValidatorDotnet=/nonexistent/dotnet", "-p:IisModuleValidatorMissingTools=error");
        Assert.NotEqual(0, strictRuntime.ExitCode);
        Assert.Contains("error IISM9007: IIS Module Validator did not run", strictRuntime.Output);

        // No libclang: the sources are not analyzed (a warning saying what to install), the DLL still is.
        var noLibclang = new Dictionary<string, string?> { ["LIBCLANG_PATH"] = "/nonexistent/libclang.so" };
        var warned = await installed.Build(noLibclang, "-p:IisModuleValidatorArguments=--rule%20IISM2001=warning");
        Assert.True(warned.ExitCode == 0, warned.Output);
        Assert.Contains("missing-handler.vcxproj : warning IISM9007: C++ sources could not be analyzed: LIBCLANG_PATH names '/nonexistent/libclang.so'", warned.Output);
        Assert.Contains("x64/Release/missing-handler.dll : warning IISM2001:", warned.Output);
        var strict = await installed.Build(noLibclang, "-p:IisModuleValidatorArguments=--rule%20IISM2001=warning", "-p:IisModuleValidatorMissingTools=error");
        Assert.NotEqual(0, strict.ExitCode);
        Assert.Contains("missing-handler.vcxproj : error IISM9007:", strict.Output);
    }
}
