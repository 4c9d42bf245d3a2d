using IisModuleValidator.Rules.CSharp;
using IisModuleValidator.Rules.Notifications;
using IisModuleValidator.Rules.ReturnValue;

namespace IisModuleValidator.Rules;

/// <summary>The rules that apply to C# (NativeAOT) modules: the command line runs them with the others, the IDE analyzer alone.</summary>
public static class CSharpRuleSet
{
    public static IReadOnlyList<Rule> All { get; } =
    [
        new IISM2001RegisteredNotificationWithoutHandler(),
        new IISM2003HandlerNeverRegistered(),
        new IISM2004PostEventDoesNotExist(),
        new IISM2005UndefinedNotificationBits(),
        new IISM2006PriorityMisuse(),
        new IISM3001RequestHandlerReturnsInvalidStatus(),
        new IISM3002GlobalHandlerReturnsInvalidStatus(),
        new IISM5001EntryPointWrong(),
        new IISM5002SlotTargetCallingConvention(),
        new IISM5003HandlerCanThrow(),
        new IISM5004GlobalModuleWithoutTerminate(),
    ];
}
