using System.IO.Compression;
using System.Xml.Linq;

namespace IisModuleValidator.Tests.Cli;

/// <summary>What nuget.org and `dotnet tool search` show: both packages, packed as a user packs them, describe themselves.</summary>
public sealed class PackageMetadataTests
{
    [Theory]
    [InlineData("src/Cli/IisModuleValidator.Cli.csproj", "iis-module-validator")]
    [InlineData("src/IdeAnalyzer/IisModuleValidator.IdeAnalyzer.csproj", "IisModuleValidator.Analyzers")]
    [InlineData("src/MsBuild/IisModuleValidator.MSBuild.csproj", "IisModuleValidator.MSBuild")]
    public async Task A_packed_package_has_a_description_license_readme_tags_and_repository(string project, string packageId)
    {
        var folder = await PackedPackages.FolderOf(project);

        using var package = ZipFile.OpenRead(Assert.Single(Directory.EnumerateFiles(folder, packageId + ".*.nupkg")));
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
}
