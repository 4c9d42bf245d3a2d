using IisModuleValidator.Rules.Binary;
using IisModuleValidator.Rules.CSharp;
using IisModuleValidator.Rules.Export;
using IisModuleValidator.Rules.Notifications;
using IisModuleValidator.Rules.ReturnValue;

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
        new IISM2001RegisteredNotificationWithoutHandler(),
        new IISM2002HandlerDoesNotOverride(),
        new IISM2003HandlerNeverRegistered(),
        new IISM2004PostEventDoesNotExist(),
        new IISM2005UndefinedNotificationBits(),
        new IISM2006PriorityMisuse(),
        new IISM3001RequestHandlerReturnsInvalidStatus(),
        new IISM3002GlobalHandlerReturnsInvalidStatus(),
        new IISM3003PendingWithoutResume(),
        new IISM3004ModuleAllocatorWithDefaultDispose(),
        new IISM4001RegisterModuleNotExportedByProject(),
        new IISM4002DllExportStdcallOnWin32(),
        new IISM4003RegisterModuleSignature(),
        new IISM5001EntryPointWrong(),
        new IISM5002SlotTargetCallingConvention(),
        new IISM5003HandlerCanThrow(),
        new IISM5004GlobalModuleWithoutTerminate(),
    ];
}
