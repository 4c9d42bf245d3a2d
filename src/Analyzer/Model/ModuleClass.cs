namespace IisModuleValidator.Model;

/// <summary>The base a module class derives from.</summary>
public enum ModuleBase
{
    HttpModule,
    GlobalModule,
    ModuleFactory,
}

/// <summary>A class (C++) or vtable-bearing struct (C#) that plays a part in a module.</summary>
public sealed record ModuleClass(string Name, ModuleBase Base, IReadOnlyList<Handler> Handlers, SourceLocation Location);

/// <summary>A parameter type as written in source and as normalized (typedefs resolved, spaces removed).</summary>
public sealed record ParameterType(string AsWritten, string Normalized);

/// <summary>A method of a module class that is, or looks meant to be, a notification handler.</summary>
/// <param name="Overrides">Whether it really overrides the base class's virtual (or fills the vtable slot).</param>
public sealed record Handler(
    string Name,
    IReadOnlyList<ParameterType> Parameters,
    bool Overrides,
    SourceLocation Location,
    IReadOnlyList<ReturnSite> Returns);

/// <summary>A return statement of a handler, with its value when it is a constant.</summary>
public sealed record ReturnSite(string Expression, long? Value, SourceLocation Location);
