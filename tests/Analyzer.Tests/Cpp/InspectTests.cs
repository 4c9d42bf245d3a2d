using IisModuleValidator.Cli;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// `inspect` on the samples written like field code prints their registrations (masks, factory, module class) and
/// classes (overrides, where, what they return) exactly: each sample's inspect.expected, reviewed by hand.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class InspectTests
{
    public static TheoryData<string> Samples() =>
        new(Directory.EnumerateFiles(Path.Combine(TestPaths.Samples, "cpp"), "inspect.expected", SearchOption.AllDirectories)
            .Select(path => Path.GetFileName(Path.GetDirectoryName(path)!)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Inspect_prints_the_registrations_and_classes_of_the_sample(string sample)
    {
        var folder = Path.Combine(TestPaths.Samples, "cpp", sample);
        var project = Directory.GetFiles(folder, sample + ".vc*proj").Single();
        var output = new StringWriter();
        var exit = CommandLine.Invoke(CliApplication.CreateRoot(), ["inspect", "--base-dir", TestPaths.RepositoryRoot, project], output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "inspect.expected")).TrimEnd('\n'), ModelPart(output.ToString()));
    }

    /// <summary>
    /// A CMake tree of two module targets: each target's model, the one expanded from a configure_file() template at the
    /// template (the expansion is gone when the run ends). Before, inspect showed the first target only, and its JSON too.
    /// </summary>
    [Fact]
    public void Inspect_prints_each_target_of_a_cmake_tree_at_its_own_files()
    {
        var folder = Path.Combine(TestPaths.Samples, "cmake", "two-modules");
        var output = new StringWriter();
        var exit = CommandLine.Invoke(CliApplication.CreateRoot(), ["inspect", "--base-dir", TestPaths.RepositoryRoot, folder], output, new StringWriter());
        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "inspect.expected")).TrimEnd('\n'), ModelPart(output.ToString()));

        var json = new StringWriter();
        CommandLine.Invoke(CliApplication.CreateRoot(), ["inspect", "--format", "json", "--base-dir", TestPaths.RepositoryRoot, folder], json, new StringWriter());
        var input = Assert.Single(IisModuleValidator.Reporting.InspectJson.Read(json.ToString()).Inputs);
        Assert.Equal(["contoso-auth", "contoso-logger"], input.Modules.Select(module => Assert.Single(module.For)));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(input.Model, IisModuleValidator.Reporting.InspectJson.Options),
            System.Text.Json.JsonSerializer.Serialize(input.Modules[0].Model, IisModuleValidator.Reporting.InspectJson.Options));
        Assert.DoesNotContain("iism-cmake-", json.ToString()); // the scratch folder of the expansions
    }

    /// <summary>
    /// What inspect.expected holds of an inspect output: from "registrations:" up to "findings:", or for an input of
    /// several models from the first "for".
    /// </summary>
    internal static string ModelPart(string output) => string.Join('\n', output.Split('\n')
        .SkipWhile(line => !line.StartsWith("  registrations:", StringComparison.Ordinal) && !line.StartsWith("  for ", StringComparison.Ordinal))
        .TakeWhile(line => !line.StartsWith("  findings:", StringComparison.Ordinal))).TrimEnd('\n');
}
