namespace IisModuleValidator.Model;

/// <summary>Where a fact was found: the front end that saw it.</summary>
public enum EvidenceSource
{
    Binary,
    Cpp,
    CSharp,
}

/// <summary>
/// Where a fact lives: a source file with line and column, or a binary with a relative virtual address.
/// Line and column are 1-based. <paramref name="Symbol"/> names the logical place (an export, a class, a method), and
/// <paramref name="SymbolKind"/> says what it is, as SARIF's logicalLocation.kind does ("function", "type", "member",
/// "variable"), or null when it is none of those (a project configuration).
/// </summary>
public sealed record SourceLocation(string FilePath, int? Line = null, int? Column = null, uint? Rva = null, string? Symbol = null, string? SymbolKind = SymbolKinds.Function)
{
    public static SourceLocation OfFile(string path) => new(path);

    public static SourceLocation InBinary(string path, uint rva, string? symbol, string? kind = SymbolKinds.Function) => new(path, Rva: rva, Symbol: symbol, SymbolKind: kind);

    public static SourceLocation InSource(string path, int line, int column, string? symbol = null, string? kind = SymbolKinds.Function) =>
        new(path, line, column, Symbol: symbol, SymbolKind: kind);
}

/// <summary>The kinds of logical place a <see cref="SourceLocation.Symbol"/> names, as SARIF 2.1.0 spells them (§3.33.7).</summary>
public static class SymbolKinds
{
    public const string Function = "function";
    public const string Type = "type";
    public const string Member = "member";
    public const string Variable = "variable";
}
