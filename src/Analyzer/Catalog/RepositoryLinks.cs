using System.Linq;
using System.Reflection;

namespace IisModuleValidator.Catalog;

/// <summary>
/// Where the project lives on the web. The one place it is set is RepositoryUrl in Directory.Build.props; the build
/// writes it into each assembly's metadata, and every help link is a rules/IISMnnnn.md page under it.
/// </summary>
public static class RepositoryLinks
{
    public static string RepositoryUrl { get; } =
        typeof(RepositoryLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RepositoryUrl")?.Value?.TrimEnd('/')
        ?? throw new InvalidOperationException("the build did not record RepositoryUrl (Directory.Build.props)");

    /// <summary>The rule's help page: its rules/IISMnnnn.md as the repository host renders it.</summary>
    public static string RuleHelp(string id) => $"{RepositoryUrl}/blob/main/rules/{id}.md";
}
