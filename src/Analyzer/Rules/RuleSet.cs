using IisModuleValidator.Rules.Binary;
using IisModuleValidator.Rules.Deployment;
using IisModuleValidator.Rules.Export;
using IisModuleValidator.Rules.Notifications;
using IisModuleValidator.Rules.ReturnValue;

namespace IisModuleValidator.Rules;

/// <summary>Every rule the validator runs, in id order. The catalog test checks this list against rules/.</summary>
public static class RuleSet
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        .. new Rule[]
        {
            new IISM1001RegisterModuleNotExported(),
            new IISM1002RegisterModuleExportedUnderDecoratedName(),
            new IISM1003RegisterModuleExportedByOrdinalOrForwarded(),
            new IISM1004NotANativeDll(),
            new IISM1005ArchitectureMismatch(),
            new IISM1006DependsOnDebugRuntime(),
            new IISM2002HandlerDoesNotOverride(),
            new IISM3003PendingWithoutResume(),
            new IISM3004ModuleAllocatorWithDefaultDispose(),
            new IISM4001RegisterModuleNotExportedByProject(),
            new IISM4002DllExportStdcallOnWin32(),
            new IISM4003RegisterModuleSignature(),
            new IISM6001GlobalModuleImageMissing(),
            new IISM6002GlobalModuleImageNotAModule(),
            new IISM6003GlobalModuleBitness(),
            new IISM6004ModuleDefinedTwice(),
            new IISM6005ModuleNotInGlobalModules(),
            new IISM6006UnknownPreCondition(),
            new IISM6007RequestModuleNeverAdded(),
            new IISM6008GlobalOnlyModuleAdded(),
        }.Concat(CSharpRuleSet.All).OrderBy(rule => rule.Id, StringComparer.Ordinal),
    ];
}
