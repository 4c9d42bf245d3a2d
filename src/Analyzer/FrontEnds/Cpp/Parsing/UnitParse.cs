namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>What to parse: a translation unit whose facts are collected, or a header saved as a precompiled header.</summary>
/// <param name="Arguments">The complete clang command line (compile environment and project flags, -include-pch).</param>
/// <param name="ExcludeDeclarationsFromPch">The PCH holds no declaration of the module's own: the walk can skip them.</param>
/// <param name="PchOutputPath">For a header: where to save its PCH; null for a translation unit.</param>
/// <param name="TranscodedFiles">Files clang cannot read as they are (UTF-16, ANSI): handed to it as UTF-8.</param>
internal sealed record UnitParseRequest(
    string SourcePath,
    IReadOnlyList<string> Arguments,
    bool ExcludeDeclarationsFromPch,
    string? PchOutputPath,
    IReadOnlyList<string> TranscodedFiles);

/// <summary>What parsing gave: the facts, clang's errors, and whether the parser itself failed.</summary>
/// <param name="ErrorCount">Diagnostics at error severity or worse.</param>
/// <param name="FirstError">The first of them, with its place.</param>
/// <param name="LostIisHeaders">windows.h or httpserv.h could not be included.</param>
/// <param name="ParserFailure">The parser crashed, ran out of time or memory: no facts, and why.</param>
/// <param name="PchSaved">For a header: its PCH was written.</param>
/// <param name="Inputs">The files clang read: the unit (or header) and everything it included.</param>
internal sealed record UnitParseResult(
    CppFacts Facts,
    int ErrorCount,
    string? FirstError,
    bool LostIisHeaders,
    string? ParserFailure = null,
    bool PchSaved = false,
    IReadOnlyList<string>? Inputs = null)
{
    public static UnitParseResult Failed(string why) => new(new CppFacts(), 0, null, false, why);
}

/// <summary>Runs libclang on one request: in this process, or isolated in a worker process.</summary>
internal interface IUnitParser
{
    UnitParseResult Parse(UnitParseRequest request);
}
