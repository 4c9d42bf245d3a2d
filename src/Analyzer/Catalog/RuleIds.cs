namespace IisModuleValidator.Catalog;

/// <summary>
/// The id of every rule, for the code that names one (the rules themselves, code fixes, rules that read another's
/// findings). Each constant is named for its rule class; RuleCatalogTests holds them to rules/ and the classes.
/// </summary>
public static class RuleIds
{
    public const string RegisterModuleNotExported = "IISM1001";
    public const string RegisterModuleExportedUnderDecoratedName = "IISM1002";
    public const string RegisterModuleExportedByOrdinalOrForwarded = "IISM1003";
    public const string NotANativeDll = "IISM1004";
    public const string ArchitectureMismatch = "IISM1005";
    public const string DependsOnDebugRuntime = "IISM1006";
    public const string RegisteredNotificationWithoutHandler = "IISM2001";
    public const string HandlerDoesNotOverride = "IISM2002";
    public const string HandlerNeverRegistered = "IISM2003";
    public const string PostEventDoesNotExist = "IISM2004";
    public const string UndefinedNotificationBits = "IISM2005";
    public const string PriorityMisuse = "IISM2006";
    public const string RequestHandlerReturnsInvalidStatus = "IISM3001";
    public const string GlobalHandlerReturnsInvalidStatus = "IISM3002";
    public const string PendingWithoutResume = "IISM3003";
    public const string ModuleAllocatorWithDefaultDispose = "IISM3004";
    public const string RegisterModuleNotExportedByProject = "IISM4001";
    public const string DllExportStdcallOnWin32 = "IISM4002";
    public const string RegisterModuleSignature = "IISM4003";
    public const string EntryPointWrong = "IISM5001";
    public const string SlotTargetCallingConvention = "IISM5002";
    public const string HandlerCanThrow = "IISM5003";
    public const string GlobalModuleWithoutTerminate = "IISM5004";
    public const string GlobalModuleImageMissing = "IISM6001";
    public const string GlobalModuleImageNotAModule = "IISM6002";
    public const string GlobalModuleBitness = "IISM6003";
    public const string ModuleDefinedTwice = "IISM6004";
    public const string ModuleNotInGlobalModules = "IISM6005";
    public const string UnknownPreCondition = "IISM6006";
    public const string RequestModuleNeverAdded = "IISM6007";
    public const string GlobalOnlyModuleAdded = "IISM6008";
}
