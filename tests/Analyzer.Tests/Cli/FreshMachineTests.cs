using System.Text.Json;
using System.Text.RegularExpressions;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// Installing from source as a new user does, with an empty HOME and empty NuGet caches: `dotnet pack src/Cli`, then
/// the README's GitHub Actions recipe, its `run:` lines read from the README and run with bash as the runner would
/// (tool install, setup, check with annotations and a SARIF file). The repository's files (tracked, and new ones not
/// ignored) are copied first, so the working tree's obj folders never see the other cache. Before, the pack failed with
/// NETSDK1094 (restore never fetched Crossgen2), which a machine that had once published for a runtime hid.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed partial class FreshMachineTests
{
    [Fact]
    public async Task Pack_then_the_readme_recipe_installs_sets_up_and_checks_with_an_empty_home()
    {
        using var temp = new TempDirectory();
        var source = Path.Combine(temp.Path, "source");
        var listed = await TestProcess.Run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], TestPaths.RepositoryRoot);
        Assert.Equal(0, listed.ExitCode);
        foreach (var file in listed.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(file => File.Exists(Path.Combine(TestPaths.RepositoryRoot, file))))
        {
            var target = Path.Combine(source, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(TestPaths.RepositoryRoot, file), target);
        }
        var home = Directory.CreateDirectory(Path.Combine(temp.Path, "home")).FullName;
        var packages = Path.Combine(temp.Path, "packages");
        // Empty: HOME (so ~/.nuget/packages and ~/.dotnet/tools), NuGet's HTTP cache, the validator's data and cache.
        var fresh = new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["NUGET_PACKAGES"] = null,
            ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(temp.Path, "nuget-http-cache"),
            ["XDG_DATA_HOME"] = null,
            ["XDG_CACHE_HOME"] = null,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["PATH"] = $"{Path.Combine(home, ".dotnet", "tools")}:{Environment.GetEnvironmentVariable("PATH")}",
        };

        var pack = await TestProcess.Run("dotnet", ["pack", Path.Combine(source, "src", "Cli"), "-c", "Release", "-o", packages, "-nologo"], source, fresh);
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.DoesNotContain("NETSDK1094", pack.Output);
        foreach (var rid in new[] { "linux-x64", "win-x64", "any" })
        {
            Assert.Single(Directory.GetFiles(packages, $"iis-module-validator.{rid}.*.nupkg"));
        }

        // The recipe's repository: built DLLs under out/, a C++ project under src/MyModule (the missing-handler sample).
        var workspace = Directory.CreateDirectory(Path.Combine(temp.Path, "workspace")).FullName;
        Directory.CreateDirectory(Path.Combine(workspace, "out", "x64"));
        File.Copy(TestPaths.Sample("x64/missing-handler.dll"), Path.Combine(workspace, "out", "x64", "missing-handler.dll"));
        temp.CopyFiles(Path.Combine(TestPaths.Samples, "cpp", "missing-handler"), "workspace/src/MyModule");
        File.Move(Path.Combine(workspace, "src", "MyModule", "missing-handler.vcxproj"), Path.Combine(workspace, "src", "MyModule", "MyModule.vcxproj"));
        // The sample's project compiles ../common beside it, as the samples do.
        temp.CopyFiles(Path.Combine(TestPaths.Samples, "cpp", "common"), "workspace/src/common");

        var steps = RecipeRunLines();
        Assert.Equal(4, steps.Count);
        // The apt-get line names Ubuntu 24.04's clang 18 packages, which Debian 12 does not serve; LibClangVersionTests
        // runs the same lookup over Debian's 16, 19 and 22.
        Assert.Contains("apt-get install", steps[0]);
        // The package is not on nuget.org: the install takes the packed folder as its source, as the README's install does.
        Assert.Equal("dotnet tool install --global iis-module-validator", steps[1]);
        var install = await Bash(steps[1] + $" --add-source '{packages}'", workspace, fresh);
        Assert.True(install.ExitCode == 0, install.Output);
        Assert.True(File.Exists(Path.Combine(home, ".dotnet", "tools", "iis-module-validator")), install.Output);

        var setup = await Bash(steps[2], workspace, fresh);
        Assert.True(setup.ExitCode == 0, setup.Output);
        Assert.Contains($"Windows SDK headers restored: {Path.Combine(home, ".nuget", "packages")}", setup.StandardOutput);

        var check = await Bash(steps[3], workspace, fresh);
        Assert.True(check.ExitCode == 1, check.Output);
        Assert.True(check.StandardOutput.Contains("::error file=src/MyModule/missing-handler.cpp,line=36,col=12,", StringComparison.Ordinal), check.Output);
        Assert.Contains("::error file=out/x64/missing-handler.dll,", check.StandardOutput);
        Assert.DoesNotContain("IISM9", check.Output);
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, "iis-modules.sarif")));
        var ruleIds = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(result => result.GetProperty("ruleId").GetString()).ToList();
        // Two registrations without handlers, found in the source and in the DLL.
        Assert.Equal(["IISM2001", "IISM2001", "IISM2001", "IISM2001"], ruleIds);
    }

    private static Task<ProcessRun> Bash(string command, string directory, IReadOnlyDictionary<string, string?> environment) =>
        TestProcess.Run("bash", ["-euo", "pipefail", "-c", command], directory, environment);

    /// <summary>The commands of the README's GitHub Actions block, comments dropped, in order.</summary>
    private static List<string> RecipeRunLines()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("GitHub Actions, with code scanning", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README's GitHub Actions recipe moved");
        var block = YamlBlock().Match(readme, start);
        Assert.True(block.Success);
        return [.. RunLine().Matches(block.Groups[1].Value).Select(match => match.Groups[1].Value.Trim())];
    }

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex(@"^\s*(?:- )?run: (.*?)(?:\s+#.*)?$", RegexOptions.Multiline)]
    private static partial Regex RunLine();
}
