namespace IisModuleValidator.Contract;

/// <summary>Which mask a notification bit belongs to.</summary>
public enum NotificationKind
{
    Request,
    Global,
}

/// <summary>What the base class's implementation of a virtual method does when a module does not override it.</summary>
public enum DefaultBehavior
{
    /// <summary>Writes "did not override the method" with OutputDebugStringA, then calls DebugBreak().</summary>
    DebugBreak,
    /// <summary><c>delete this</c> (CHttpModule::Dispose).</summary>
    DeleteThis,
    /// <summary>Pure virtual: a derived class must implement it.</summary>
    PureVirtual,
    /// <summary>An empty body (the protected virtual destructor).</summary>
    Empty,
}

/// <summary>One bit of a request or global notification mask, as httpserv.h defines it.</summary>
/// <param name="Constant">The macro name, e.g. RQ_BEGIN_REQUEST.</param>
/// <param name="Bit">The macro's value.</param>
/// <param name="Handler">The CHttpModule/CGlobalModule method IIS calls for it, or null where httpserv.h has none.</param>
/// <param name="PostHandler">The method for the post event, or null where the notification has no post event.</param>
public sealed record Notification(string Constant, uint Bit, NotificationKind Kind, string? Handler, string? PostHandler);

/// <summary>A virtual method at its vtable slot (MSVC ABI: one slot for the virtual destructor).</summary>
/// <param name="ParameterTypes">Types as httpserv.h writes them, without SAL annotations or names, spaces removed
/// (e.g. "IHttpContext*"); empty for (VOID).</param>
public sealed record VirtualMethod(int Slot, string Name, string ReturnType, IReadOnlyList<string> ParameterTypes, DefaultBehavior? Default)
{
    public string Signature => $"{ReturnType} {Name}({string.Join(", ", ParameterTypes)})".TrimStart();
}

/// <summary>The vtable layout of one httpserv.h class.</summary>
public sealed record ClassLayout(string ClassName, IReadOnlyList<VirtualMethod> Slots)
{
    public VirtualMethod? Find(string methodName) => Slots.FirstOrDefault(slot => slot.Name == methodName);

    public VirtualMethod Get(string methodName) =>
        Find(methodName) ?? throw new KeyNotFoundException($"{ClassName} has no virtual method {methodName}");
}

/// <summary>A named constant of a status enum.</summary>
public sealed record EnumConstant(string Name, int Value);
