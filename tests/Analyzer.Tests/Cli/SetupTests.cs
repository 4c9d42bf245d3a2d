
namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// The packed tool as a new user gets it: installed with `dotnet tool install` into an empty home, it knows no Windows SDK
/// (nothing of the build machine is baked in) and says so with the command that fixes it; after `setup`, which restores
/// the SDK package through the nuget.config above the current folder into that home's NuGet cache, it analyzes a C++
/// sample exactly as the in-process engine does.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class SetupTests
{
    private const string Sample = "samples/cpp/missing-handler";

    [Fact]
    public async Task The_installed_tool_analyzes_Cpp_in_an_empty_home_after_setup()
    {
        var packages = await PackedPackages.FolderOf("src/Cli/IisModuleValidator.Cli.csproj");
        using var home = new TempDirectory();
        var dotnetRoot = IisModuleValidator.Io.DotnetHost.Root;
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = home.Path,
            ["USERPROFILE"] = home.Path,
            ["NUGET_PACKAGES"] = null,
            ["XDG_DATA_HOME"] = null,
            ["DOTNET_CLI_HOME"] = null,
            ["DOTNET_ROOT"] = dotnetRoot,
        };
        var tools = Path.Combine(home.Path, "tools");
        var version = typeof(IisModuleValidator.Cli.CheckCommand).Assembly.GetName().Version!.ToString(3);
        var install = await TestProcess.Run("dotnet", ["tool", "install", "iis-module-validator", "--tool-path", tools, "--add-source", packages, "--version", version],
            home.Path, environment);
        Assert.True(install.ExitCode == 0, install.Output);
        var tool = Path.Combine(tools, "iis-module-validator");

        string[] check = ["check", "--base-dir", TestPaths.RepositoryRoot, Sample];
        var before = await TestProcess.Run(tool, check, home.Path, environment);
        Assert.Equal(2, before.ExitCode);
        Assert.Contains("IISM9007", before.Output);
        Assert.Contains("run 'iis-module-validator setup' once", before.Output);

        // A feed of the user's company, say: a local folder holding the SDK package, named by the nuget.config above the
        // folder setup runs in.
        var work = Path.Combine(home.Path, "work");
        var feed = Path.Combine(home.Path, "feed");
        Directory.CreateDirectory(work);
        Directory.CreateDirectory(feed);
        var sdkPackage = Path.GetDirectoryName(TestPaths.HttpServHeader)!;
        var nupkg = Directory.GetFiles(Path.GetFullPath(Path.Combine(sdkPackage, "..", "..", "..", "..")), "*.nupkg").Single();
        File.Copy(nupkg, Path.Combine(feed, Path.GetFileName(nupkg)));
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var setup = await TestProcess.Run(tool, ["setup"], work, environment);
        Assert.True(setup.ExitCode == 0, setup.Output);
        var restored = Path.Combine(home.Path, ".nuget", "packages", "microsoft.windows.sdk.cpp");
        Assert.Contains($"Windows SDK headers restored: {restored}", setup.Output);
        Assert.Contains("libclang: ", setup.Output);

        var after = await TestProcess.Run(tool, check, work, environment);
        var inProcess = CliRun.Run(check);
        Assert.Equal(1, inProcess.Exit);
        Assert.Contains("error IISM2001", inProcess.Output);
        Assert.Equal(inProcess.Exit, after.ExitCode);
        Assert.Equal(inProcess.Output + inProcess.Error, after.Output);
    }
}
