namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// The msbuild format through MSBuild's Exec task, as a build step runs it: errors and warnings become MSBuild errors and
/// warnings (with the file as origin, so Visual Studio's Error List can open it) and fail the build; notes, which the
/// canonical format has no category for, stay in the log as high-importance messages, shown at minimal verbosity.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class MsBuildExecTests
{
    [Fact]
    public async Task Errors_fail_an_Exec_step_and_notes_stay_in_its_log()
    {
        using var temp = new TempDirectory();
        var cli = typeof(IisModuleValidator.Cli.CheckCommand).Assembly.Location;
        var project = temp.File("check.proj", System.Text.Encoding.UTF8.GetBytes($"""
            <Project>
              <Target Name="Build">
                <Exec Command="dotnet &quot;{cli}&quot; check --base-dir &quot;{TestPaths.RepositoryRoot}&quot; samples/bin/x64/missing-handler.dll samples/bin/x64/split-module.dll"
                      WorkingDirectory="{TestPaths.RepositoryRoot}" />
              </Target>
            </Project>
            """));
        var (exitCode, output, _) = await TestProcess.Run("dotnet", ["msbuild", project, "-nologo", "-v:m"]);

        Assert.NotEqual(0, exitCode);
        // MSBuild re-prints a recognised error as "origin : error CODE: message [project]".
        Assert.Contains("samples/bin/x64/missing-handler.dll : error IISM2001: RQ_END_REQUEST is registered", output);
        Assert.Contains("samples/bin/x64/split-module.dll: note IISM9009: Not recovered from the binary", output);
    }
}
