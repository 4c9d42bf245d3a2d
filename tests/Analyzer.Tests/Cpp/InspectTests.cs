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

    /// <summary>What inspect.expected holds of an inspect output: from "registrations:" up to "findings:".</summary>
    internal static string ModelPart(string output) => string.Join('\n', output.Split('\n')
        .SkipWhile(line => !line.StartsWith("  registrations:", StringComparison.Ordinal))
        .TakeWhile(line => !line.StartsWith("  findings:", StringComparison.Ordinal))).TrimEnd('\n');
}
