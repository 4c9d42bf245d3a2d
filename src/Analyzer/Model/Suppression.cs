namespace IisModuleValidator.Model;

/// <summary>
/// A finding its authors accepted, with their reason and where they said so. A suppressed finding stays in SARIF
/// (suppressions[], kind inSource) and is left out of the line formats, the counts and the exit code.
/// </summary>
public sealed record Suppression(string Justification, SourceLocation Location);
