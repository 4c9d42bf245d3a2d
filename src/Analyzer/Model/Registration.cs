using IisModuleValidator.Contract;

namespace IisModuleValidator.Model;

/// <summary>
/// A notification mask: a known constant, or unknown with the reason it could not be determined.
/// <paramref name="NamedConstants"/> are the RQ_*/GL_* names the source wrote (empty for binaries), so that a GL_
/// constant in a request mask is seen even where its value is also a valid RQ_ bit.
/// </summary>
public sealed record MaskValue(uint? Value, string? UnknownReason, IReadOnlyList<string> NamedConstants)
{
    public static MaskValue Known(uint value, IReadOnlyList<string>? namedConstants = null) => new(value, null, namedConstants ?? []);

    public static MaskValue Unknown(string reason, IReadOnlyList<string>? namedConstants = null) => new(null, reason, namedConstants ?? []);

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
/// <param name="Confidence">For a binary: how complete the recovered chain is, with <paramref name="ConfidenceReason"/>.</param>
public sealed record Registration(
    RegistrationKind Kind,
    string? FactoryClass,
    string? ModuleClass,
    MaskValue Mask,
    MaskValue PostMask,
    SourceLocation Location,
    EvidenceSource Evidence,
    Confidence Confidence = Confidence.Exact,
    string? ConfidenceReason = null)
{
    /// <summary>Where the post mask argument is written (C++), for a fix that edits it; null when it is not in a source.</summary>
    public SourceSpan? PostMaskSpan { get; init; }

    /// <summary>Where the (request or global) mask argument is written (C++), as <see cref="PostMaskSpan"/>.</summary>
    public SourceSpan? MaskSpan { get; init; }
}

/// <summary>One SetPriorityFor*Notification call.</summary>
/// <param name="Alias">The priority string as passed (e.g. "HIGH"), or null when not known.</param>
public sealed record PriorityRegistration(NotificationKind Kind, bool IsPost, MaskValue Notification, string? Alias, SourceLocation Location);
