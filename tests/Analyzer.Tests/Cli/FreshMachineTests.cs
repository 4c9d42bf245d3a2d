using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace IisModuleValidator.Tests.Cli;

/// <summary>
/// Installing from source as a new user does, with an empty HOME and empty NuGet caches: `dotnet pack src/Cli`, then
/// the README's GitHub Actions recipe through the action itself: action.yml's step, run with bash as the runner would,
/// with the recipe's inputs and the environment action.yml maps them to (tool install, setup, one check with annotations,
/// a SARIF file and the gate's exit code). The repository's files (tracked, and new ones not
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

        var (action, inputs) = RecipeActionStep();
        // The package is not on nuget.org: the action installs it from the packed folder.
        inputs["package-source"] = packages;
        var check = await RunAction(action, inputs, source, workspace, fresh);
        Assert.True(check.ExitCode == 1, check.Output);
        Assert.Contains($"Windows SDK headers restored: {Path.Combine(home, ".nuget", "packages")}", check.StandardOutput); // setup ran: a .vcxproj is checked
        Assert.True(check.StandardOutput.Contains("::error file=src/MyModule/missing-handler.cpp,line=36,col=12,", StringComparison.Ordinal), check.Output);
        Assert.Contains("::error file=out/x64/missing-handler.dll,", check.StandardOutput);
        Assert.DoesNotContain("IISM9", check.Output);
        Assert.Contains("exit-code=1", File.ReadAllText(Path.Combine(temp.Path, "github-output")));
        Reporting.SarifChecks.Valid(File.ReadAllText(Path.Combine(workspace, inputs["sarif"])));
        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(workspace, inputs["sarif"])));
        var ruleIds = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(result => result.GetProperty("ruleId").GetString()).ToList();
        // Two registrations without handlers, found in the source and in the DLL.
        Assert.Equal(["IISM2001", "IISM2001", "IISM2001", "IISM2001"], ruleIds);
    }

    /// <summary>
    /// action.yml's composite steps run as a runner runs them: bash, GITHUB_ACTION_PATH the action's folder, each
    /// ${{ inputs.NAME }} in the step's environment the recipe's value or the input's default, GITHUB_OUTPUT a file.
    /// </summary>
    private static async Task<ProcessRun> RunAction(YamlMappingNode action, Dictionary<string, string> with, string actionPath, string workspace,
        Dictionary<string, string?> environment)
    {
        var declared = (YamlMappingNode)action["inputs"];
        Assert.All(with.Keys, name => Assert.True(declared.Children.ContainsKey(name), $"the recipe sets '{name}', which action.yml does not declare"));
        string Input(string name) => with.TryGetValue(name, out var value) ? value : ((YamlScalarNode)((YamlMappingNode)declared[name])["default"]).Value ?? "";
        var steps = (YamlSequenceNode)((YamlMappingNode)action["runs"])["steps"];
        Assert.Equal("composite", ((YamlScalarNode)((YamlMappingNode)action["runs"])["using"]).Value);
        ProcessRun? last = null;
        foreach (var step in steps.Children.Cast<YamlMappingNode>())
        {
            Assert.Equal("bash", ((YamlScalarNode)step["shell"]).Value);
            var stepEnvironment = new Dictionary<string, string?>(environment)
            {
                ["GITHUB_ACTION_PATH"] = actionPath,
                ["GITHUB_OUTPUT"] = Path.Combine(Path.GetDirectoryName(workspace)!, "github-output"),
                ["RUNNER_TEMP"] = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(workspace)!, "runner-temp")).FullName,
            };
            if (step.Children.TryGetValue("env", out var env))
            {
                foreach (var (name, value) in ((YamlMappingNode)env).Children.Select(pair => (((YamlScalarNode)pair.Key).Value!, ((YamlScalarNode)pair.Value).Value!)))
                {
                    stepEnvironment[name] = InputReference().Replace(value, match => Input(match.Groups[1].Value));
                }
            }
            last = await TestProcess.Run("bash", ["-eo", "pipefail", "-c", ((YamlScalarNode)step["run"]).Value!], workspace, stepEnvironment);
            if (last.ExitCode != 0)
            {
                return last;
            }
        }
        return last!;
    }

    /// <summary>The README recipe's step that uses this repository's action, with its `with:` inputs, and action.yml.</summary>
    private static (YamlMappingNode Action, Dictionary<string, string> With) RecipeActionStep()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("GitHub Actions, with code scanning", StringComparison.Ordinal);
        Assert.True(start >= 0, "the README's GitHub Actions recipe moved");
        var block = YamlBlock().Match(readme, start);
        Assert.True(block.Success);
        var recipe = new YamlStream();
        recipe.Load(new StringReader(block.Groups[1].Value));
        var steps = (YamlSequenceNode)((YamlMappingNode)recipe.Documents[0].RootNode)["steps"];
        var uses = steps.Children.Cast<YamlMappingNode>()
            .Where(step => step.Children.TryGetValue("uses", out var name) && ((YamlScalarNode)name).Value!.StartsWith("iis-module-validator/iis-module-validator@", StringComparison.Ordinal))
            .ToList();
        var step = Assert.Single(uses);
        Assert.DoesNotContain(steps.Children.Cast<YamlMappingNode>(), other => other.Children.ContainsKey("run")); // one run: the action's
        var with = ((YamlMappingNode)step["with"]).Children.ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!);
        var action = new YamlStream();
        action.Load(new StringReader(File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "action.yml"))));
        return ((YamlMappingNode)action.Documents[0].RootNode, with);
    }

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex(@"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")]
    private static partial Regex InputReference();
}
