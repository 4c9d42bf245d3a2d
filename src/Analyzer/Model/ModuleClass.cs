namespace IisModuleValidator.Model;

/// <summary>The base a module class derives from.</summary>
public enum ModuleBase
{
    HttpModule,
    GlobalModule,
    ModuleFactory,
}

/// <summary>A class (C++) or vtable-bearing struct (C#) that plays a part in a module.</summary>
/// <param name="BaseClasses">Direct bases by name, the SDK's (CHttpModule, ...) included: handlers are inherited.</param>
/// <param name="AllocatedWithModuleAllocator">A factory creates it in memory from IModuleAllocator::AllocateMemory.</param>
public sealed record ModuleClass(
    string Name,
    ModuleBase Base,
    IReadOnlyList<string> BaseClasses,
    IReadOnlyList<Handler> Handlers,
    SourceLocation Location,
    bool AllocatedWithModuleAllocator = false)
{
    /// <summary>Where a handler can be added to the class's definition (C++), or null when it cannot be edited there.</summary>
    public MemberInsertionPoint? InsertionPoint { get; init; }
}

/// <summary>A parameter type as written in source and as normalized (typedefs resolved, spaces removed).</summary>
public sealed record ParameterType(string AsWritten, string Normalized);

/// <summary>A method of a module class: a handler, or one that looks meant to be (rules decide).</summary>
/// <param name="Overrides">Whether it really overrides the base class's virtual (or fills the vtable slot).</param>
/// <param name="IsConst">A const member function (which never overrides the non-const virtual).</param>
public sealed record Handler(
    string Name,
    IReadOnlyList<ParameterType> Parameters,
    bool Overrides,
    SourceLocation Location,
    IReadOnlyList<ReturnSite> Returns,
    bool IsConst = false)
{
    public string Signature => $"{Name}({string.Join(", ", Parameters.Select(parameter => parameter.AsWritten))}){(IsConst ? " const" : "")}";

    /// <summary>Its declarator in the class as written (C++), from the name through ')' and const; null where not editable.</summary>
    public SourceSpan? DeclaratorSpan { get; init; }

    /// <summary>The same in its out-of-line definition, or null.</summary>
    public SourceSpan? DefinitionDeclaratorSpan { get; init; }

    /// <summary>Whether the declaration says override (or final) after its declarator.</summary>
    public bool SaysOverride { get; init; }
}

/// <summary>A return statement of a handler, with its value when it is a constant.</summary>
/// <param name="ConvertedFrom">The type an explicit cast converted the value from, when it is not the status type
/// itself (an HRESULT, an int, the other status enum); null for a plain enumerator, variable or call.</param>
public sealed record ReturnSite(string Expression, long? Value, SourceLocation Location, string? ConvertedFrom = null);
