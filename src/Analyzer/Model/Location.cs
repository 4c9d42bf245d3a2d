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
/// Line and column are 1-based. <paramref name="Symbol"/> names the logical place (an export, a class, a method).
/// </summary>
public sealed record SourceLocation(string FilePath, int? Line = null, int? Column = null, uint? Rva = null, string? Symbol = null)
{
    public static SourceLocation OfFile(string path) => new(path);

    public static SourceLocation InBinary(string path, uint rva, string? symbol) => new(path, Rva: rva, Symbol: symbol);

    public static SourceLocation InSource(string path, int line, int column, string? symbol = null) => new(path, line, column, Symbol: symbol);
}
