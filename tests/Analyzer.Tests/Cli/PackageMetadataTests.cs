using System.IO.Compression;
using System.Xml.Linq;

namespace IisModuleValidator.Tests.Cli;

/// <summary>What nuget.org and `dotnet tool search` show: both packages, packed as a user packs them, describe themselves.</summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class PackageMetadataTests
{
    [Theory]
    [InlineData("src/Cli/IisModuleValidator.Cli.csproj", "iis-module-validator")]
    [InlineData("src/IdeAnalyzer/IisModuleValidator.IdeAnalyzer.csproj", "IisModuleValidator.Analyzers")]
    [InlineData("src/MsBuild/IisModuleValidator.MSBuild.csproj", "IisModuleValidator.MSBuild")]
    public async Task A_packed_package_has_a_description_license_readme_tags_and_repository(string project, string packageId)
    {
        var folder = await PackedPackages.FolderOf(project);

        // The package users name (for the tool, the one that points at its per-platform packages).
        var version = typeof(IisModuleValidator.Cli.CheckCommand).Assembly.GetName().Version!.ToString(3);
        using var package = ZipFile.OpenRead(Path.Combine(folder, $"{packageId}.{version}.nupkg"));
        var nuspec = XDocument.Load(package.Entries.Single(entry => entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root!.Element(ns + "metadata")!;
        string? Field(string name) => metadata.Element(ns + name)?.Value;

        Assert.Equal(packageId, Field("id"));
        Assert.DoesNotContain("Package Description", Field("description"));
        Assert.True(Field("description")!.Length > 80, Field("description"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", Field("readme"));
        Assert.Contains(package.Entries, entry => entry.FullName == "README.md");
        Assert.Contains("iis", Field("tags")!.Split(' '));
        Assert.StartsWith("https://github.com/", metadata.Element(ns + "repository")!.Attribute("url")!.Value);
    }

    [Fact]
    public async Task The_tool_is_precompiled_for_linux_x64_and_win_x64_and_framework_dependent_elsewhere()
    {
        // dotnet tool install takes the package of the user's platform: ReadyToRun code starts without waiting for the JIT.
        var folder = await PackedPackages.FolderOf("src/Cli/IisModuleValidator.Cli.csproj");
        var version = typeof(IisModuleValidator.Cli.CheckCommand).Assembly.GetName().Version!.ToString(3);
        foreach (var (rid, precompiled) in new[] { ("linux-x64", true), ("win-x64", true), ("any", false) })
        {
            using var package = ZipFile.OpenRead(Path.Combine(folder, $"iis-module-validator.{rid}.{version}.nupkg"));
            var entry = package.Entries.Single(entry => entry.FullName.EndsWith("/iis-module-validator.dll", StringComparison.Ordinal));
            using var image = new MemoryStream();
            await using (var stream = entry.Open())
            {
                await stream.CopyToAsync(image);
            }
            image.Position = 0;
            using var reader = new System.Reflection.PortableExecutable.PEReader(image);
            Assert.True(precompiled == reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{rid}: ReadyToRun expected {precompiled}");
            Assert.Contains(package.Entries, candidate => candidate.FullName.Contains("/msvc-standin/vcruntime.h", StringComparison.Ordinal));
        }
    }
}
