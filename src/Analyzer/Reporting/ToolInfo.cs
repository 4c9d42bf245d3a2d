namespace IisModuleValidator.Reporting;

/// <summary>The tool's identity as reporters state it.</summary>
public static class ToolInfo
{
    public const string Name = "IIS Module Validator";
    public const string Command = "iis-module-validator";
    public static string InformationUri => Catalog.RepositoryLinks.RepositoryUrl;

    /// <summary>Major.minor.patch of the engine assembly (no build metadata, so output stays byte-identical).</summary>
    public static string SemanticVersion { get; } = typeof(ToolInfo).Assembly.GetName().Version is { } version
        ? $"{version.Major}.{version.Minor}.{version.Build}"
        : "0.0.0";
}
