namespace IisModuleValidator.Model;

/// <summary>A RegisterModule function as written in source.</summary>
/// <param name="HasCLinkage">Declared extern "C" (C++), so its symbol is not mangled.</param>
/// <param name="CallingConvention">As the compiler sees it for the target: stdcall, cdecl, ... (x64 has one).</param>
/// <param name="IsDllExport">Carries __declspec(dllexport).</param>
/// <param name="IsInvalid">The compiler could not compile the declaration (a type in it is unknown): its types are not facts.</param>
public sealed record EntryPoint(
    string Name,
    bool HasCLinkage,
    string CallingConvention,
    bool IsDllExport,
    string ReturnType,
    IReadOnlyList<ParameterType> Parameters,
    SourceLocation Location,
    bool IsInvalid = false);
