using IisModuleValidator.Contract;

namespace IisModuleValidator.Model;

/// <summary>A notification mask: a known constant, or unknown with the reason it could not be determined.</summary>
public sealed record MaskValue(uint? Value, string? UnknownReason)
{
    public static MaskValue Known(uint value) => new(value, null);

    public static MaskValue Unknown(string reason) => new(null, reason);

    public bool IsKnown => Value.HasValue;

    public override string ToString() => Value is { } value ? $"0x{value:X8}" : $"unknown ({UnknownReason})";
}

public enum RegistrationKind
{
    /// <summary>SetRequestNotifications(factory, request, post).</summary>
    Request,
    /// <summary>SetGlobalNotifications(globalModule, global).</summary>
    Global,
}

/// <summary>
/// One Set*Notifications call. For a request registration <paramref name="ModuleClass"/> is the class the
/// factory's GetHttpModule creates; for a global registration it is the CGlobalModule passed in.
/// </summary>
public sealed record Registration(
    RegistrationKind Kind,
    string? FactoryClass,
    string? ModuleClass,
    MaskValue Mask,
    MaskValue PostMask,
    SourceLocation Location,
    EvidenceSource Evidence);

/// <summary>One SetPriorityFor*Notification call.</summary>
/// <param name="Alias">The priority string as passed (e.g. "HIGH"), or null when not known.</param>
public sealed record PriorityRegistration(NotificationKind Kind, bool IsPost, MaskValue Notification, string? Alias, SourceLocation Location);
