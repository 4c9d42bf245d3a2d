namespace IisModuleValidator.Catalog;

/// <summary>The keys of <c>Finding.Properties</c>: written by the rules, read by the code fixes and carried into SARIF and Roslyn diagnostics.</summary>
public static class FindingProperties
{
    /// <summary>How the registration was found: source, binary or csharp.</summary>
    public const string Evidence = "evidence";

    /// <summary>How sure the registration is: proven, partial or unknown.</summary>
    public const string Confidence = "confidence";

    /// <summary>The handler a fix adds (OnBeginRequest, ...).</summary>
    public const string Handler = "handler";

    /// <summary>The vtable or base class the handler belongs to (CHttpModule, CGlobalModule).</summary>
    public const string Vtable = "vtable";
}
