using IisModuleValidator.Rules.Binary;

namespace IisModuleValidator.Rules;

/// <summary>Every rule the validator runs. The catalog test checks this list against rules/.</summary>
public static class RuleSet
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new IISM1001RegisterModuleNotExported(),
        new IISM1002RegisterModuleExportedUnderDecoratedName(),
        new IISM1003RegisterModuleExportedByOrdinalOrForwarded(),
        new IISM1004NotANativeDll(),
        new IISM1005ArchitectureMismatch(),
        new IISM1006DependsOnDebugRuntime(),
    ];
}
