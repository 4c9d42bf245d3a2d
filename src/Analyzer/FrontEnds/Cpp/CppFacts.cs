using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp;

// What the C++ front end collects from each translation unit before merging them into one module model.
// Classes and methods are keyed by clang USR, so a class declared in a header and defined across several .cpp
// files merges into one.

/// <param name="IsInvalid">clang marked the class invalid (a base or member type it could not resolve).</param>
/// <param name="InsertionPoint">Before the closing brace of its definition, where a fix adds a member; null when the
/// definition is not in a file of the project's own.</param>
internal sealed record ClassFact(string Usr, string Name, IReadOnlyList<(string Usr, string Name)> Bases, SourceLocation Location, bool IsInvalid = false,
    MemberInsertionPoint? InsertionPoint = null);

internal sealed record ReturnFact(string Expression, long? Value, string? ConvertedFrom, SourceLocation Location);

internal sealed class MethodFact(string usr, string name, string classUsr)
{
    public string Usr { get; } = usr;
    public string Name { get; } = name;
    public string ClassUsr { get; } = classUsr;
    public IReadOnlyList<ParameterType> Parameters { get; set; } = [];
    public bool IsConst { get; set; }
    /// <summary>"Class::Method" of every method this one overrides.</summary>
    public IReadOnlyList<string> Overrides { get; set; } = [];
    public SourceLocation? Declaration { get; set; }
    /// <summary>The in-class declarator as written, from the name to the parameters' ')' and a trailing const (a fix's region).</summary>
    public SourceSpan? DeclaratorSpan { get; set; }
    /// <summary>The same in an out-of-line definition (Class::Name(...) const), or null.</summary>
    public SourceSpan? DefinitionDeclaratorSpan { get; set; }
    /// <summary>The in-class declaration writes override or final.</summary>
    public bool SaysOverride { get; set; }
    public bool HasBody { get; set; }
    public List<ReturnFact> Returns { get; set; } = [];
    /// <summary>USR and name of every class this method's body creates with new.</summary>
    public List<(string Usr, string Name)> NewedClasses { get; set; } = [];
    public bool CallsModuleAllocator { get; set; }
}

internal enum RegistrationCallKind
{
    SetRequestNotifications,
    SetGlobalNotifications,
    SetPriorityForRequestNotification,
    SetPriorityForGlobalNotification,
    SetPriorityForPostRequestNotification,
}

internal sealed record RegistrationCallFact(
    RegistrationCallKind Kind,
    (string Usr, string Name)? TargetClass,
    MaskValue First,
    MaskValue Second,
    string? PriorityAlias,
    SourceLocation Location,
    SourceSpan? SecondSpan = null,
    SourceSpan? FirstSpan = null);

/// <summary>The facts of one or more translation units.</summary>
internal sealed class CppFacts
{
    // Settable so that facts a parse worker collected can be read back from JSON.
    public Dictionary<string, ClassFact> Classes { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, MethodFact> Methods { get; set; } = new(StringComparer.Ordinal);
    public List<RegistrationCallFact> RegistrationCalls { get; set; } = [];
    public List<EntryPoint> EntryPoints { get; set; } = [];
    public List<SourceLocation> CompletionCalls { get; set; } = [];

    public MethodFact Method(string usr, string name, string classUsr)
    {
        if (!Methods.TryGetValue(usr, out var method))
        {
            method = new MethodFact(usr, name, classUsr);
            Methods[usr] = method;
        }
        return method;
    }
}
