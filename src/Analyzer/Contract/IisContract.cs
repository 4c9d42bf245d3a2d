namespace IisModuleValidator.Contract;

/// <summary>
/// The facts of the IIS native module contract, transcribed from um/httpserv.h of the Windows SDK
/// (NuGet Microsoft.Windows.SDK.CPP 10.0.26100.9457). HttpServHeaderTests re-reads the real header and
/// fails on any difference, so this table cannot drift from it.
/// </summary>
public static class IisContract
{
    public const string SdkHeaderVersion = "10.0.26100.9457";
    public const string RegisterModuleExportName = "RegisterModule"; // MODULE_REGISTERMODULE

    /// <summary>PFN_REGISTERMODULE: HRESULT (WINAPI*)(DWORD, IHttpModuleRegistrationInfo*, IHttpServer*).</summary>
    public static readonly VirtualMethod RegisterModuleSignature =
        new(0, RegisterModuleExportName, "HRESULT", ["DWORD", "IHttpModuleRegistrationInfo*", "IHttpServer*"], null);

    /// <summary>WINAPI is __stdcall: on x86 the callee pops 3 × 4 bytes, so the decorated name is _RegisterModule@12.</summary>
    public const int RegisterModuleX86ArgumentBytes = 12;

    public static readonly IReadOnlyList<Notification> RequestNotifications =
    [
        new("RQ_BEGIN_REQUEST", 0x00000001, NotificationKind.Request, "OnBeginRequest", "OnPostBeginRequest"),
        new("RQ_AUTHENTICATE_REQUEST", 0x00000002, NotificationKind.Request, "OnAuthenticateRequest", "OnPostAuthenticateRequest"),
        new("RQ_AUTHORIZE_REQUEST", 0x00000004, NotificationKind.Request, "OnAuthorizeRequest", "OnPostAuthorizeRequest"),
        new("RQ_RESOLVE_REQUEST_CACHE", 0x00000008, NotificationKind.Request, "OnResolveRequestCache", "OnPostResolveRequestCache"),
        new("RQ_MAP_REQUEST_HANDLER", 0x00000010, NotificationKind.Request, "OnMapRequestHandler", "OnPostMapRequestHandler"),
        new("RQ_ACQUIRE_REQUEST_STATE", 0x00000020, NotificationKind.Request, "OnAcquireRequestState", "OnPostAcquireRequestState"),
        new("RQ_PRE_EXECUTE_REQUEST_HANDLER", 0x00000040, NotificationKind.Request, "OnPreExecuteRequestHandler", "OnPostPreExecuteRequestHandler"),
        new("RQ_EXECUTE_REQUEST_HANDLER", 0x00000080, NotificationKind.Request, "OnExecuteRequestHandler", "OnPostExecuteRequestHandler"),
        new("RQ_RELEASE_REQUEST_STATE", 0x00000100, NotificationKind.Request, "OnReleaseRequestState", "OnPostReleaseRequestState"),
        new("RQ_UPDATE_REQUEST_CACHE", 0x00000200, NotificationKind.Request, "OnUpdateRequestCache", "OnPostUpdateRequestCache"),
        new("RQ_LOG_REQUEST", 0x00000400, NotificationKind.Request, "OnLogRequest", "OnPostLogRequest"),
        new("RQ_END_REQUEST", 0x00000800, NotificationKind.Request, "OnEndRequest", "OnPostEndRequest"),
        // httpserv.h defines this bit but CHttpModule declares no method for it.
        new("RQ_SEND_RESPONSE_STATUS_AND_HEADERS", 0x08000000, NotificationKind.Request, null, null),
        new("RQ_CUSTOM_NOTIFICATION", 0x10000000, NotificationKind.Request, "OnCustomRequestNotification", null),
        new("RQ_SEND_RESPONSE", 0x20000000, NotificationKind.Request, "OnSendResponse", null),
        new("RQ_READ_ENTITY", 0x40000000, NotificationKind.Request, "OnReadEntity", null),
        new("RQ_MAP_PATH", 0x80000000, NotificationKind.Request, "OnMapPath", null),
    ];

    public static readonly IReadOnlyList<Notification> GlobalNotifications =
    [
        new("GL_STOP_LISTENING", 0x00000002, NotificationKind.Global, "OnGlobalStopListening", null),
        new("GL_CACHE_CLEANUP", 0x00000004, NotificationKind.Global, "OnGlobalCacheCleanup", null),
        new("GL_CACHE_OPERATION", 0x00000010, NotificationKind.Global, "OnGlobalCacheOperation", null),
        new("GL_HEALTH_CHECK", 0x00000020, NotificationKind.Global, "OnGlobalHealthCheck", null),
        new("GL_CONFIGURATION_CHANGE", 0x00000040, NotificationKind.Global, "OnGlobalConfigurationChange", null),
        new("GL_FILE_CHANGE", 0x00000080, NotificationKind.Global, "OnGlobalFileChange", null),
        new("GL_PRE_BEGIN_REQUEST", 0x00000100, NotificationKind.Global, "OnGlobalPreBeginRequest", null),
        new("GL_APPLICATION_START", 0x00000200, NotificationKind.Global, "OnGlobalApplicationStart", null),
        new("GL_APPLICATION_RESOLVE_MODULES", 0x00000400, NotificationKind.Global, "OnGlobalApplicationResolveModules", null),
        new("GL_APPLICATION_STOP", 0x00000800, NotificationKind.Global, "OnGlobalApplicationStop", null),
        new("GL_RSCA_QUERY", 0x00001000, NotificationKind.Global, "OnGlobalRSCAQuery", null),
        new("GL_TRACE_EVENT", 0x00002000, NotificationKind.Global, "OnGlobalTraceEvent", null),
        new("GL_CUSTOM_NOTIFICATION", 0x00004000, NotificationKind.Global, "OnGlobalCustomNotification", null),
        new("GL_THREAD_CLEANUP", 0x00008000, NotificationKind.Global, "OnGlobalThreadCleanup", null),
        new("GL_APPLICATION_PRELOAD", 0x00010000, NotificationKind.Global, "OnGlobalApplicationPreload", null),
        new("GL_SUSPEND_PROCESS", 0x00020000, NotificationKind.Global, "OnSuspendProcess", null),
    ];

    private const string Request = "REQUEST_NOTIFICATION_STATUS";
    private const string Global = "GLOBAL_NOTIFICATION_STATUS";

    private static VirtualMethod RequestHandler(int slot, string name, string provider = "IHttpEventProvider*") =>
        new(slot, name, Request, ["IHttpContext*", provider], DefaultBehavior.DebugBreak);

    private static VirtualMethod GlobalHandler(int slot, string name, params string[] parameters) =>
        new(slot, name, Global, parameters, DefaultBehavior.DebugBreak);

    public static readonly ClassLayout CHttpModule = new("CHttpModule",
    [
        RequestHandler(0, "OnBeginRequest"),
        RequestHandler(1, "OnPostBeginRequest"),
        RequestHandler(2, "OnAuthenticateRequest", "IAuthenticationProvider*"),
        RequestHandler(3, "OnPostAuthenticateRequest"),
        RequestHandler(4, "OnAuthorizeRequest"),
        RequestHandler(5, "OnPostAuthorizeRequest"),
        RequestHandler(6, "OnResolveRequestCache"),
        RequestHandler(7, "OnPostResolveRequestCache"),
        RequestHandler(8, "OnMapRequestHandler", "IMapHandlerProvider*"),
        RequestHandler(9, "OnPostMapRequestHandler"),
        RequestHandler(10, "OnAcquireRequestState"),
        RequestHandler(11, "OnPostAcquireRequestState"),
        RequestHandler(12, "OnPreExecuteRequestHandler"),
        RequestHandler(13, "OnPostPreExecuteRequestHandler"),
        RequestHandler(14, "OnExecuteRequestHandler"),
        RequestHandler(15, "OnPostExecuteRequestHandler"),
        RequestHandler(16, "OnReleaseRequestState"),
        RequestHandler(17, "OnPostReleaseRequestState"),
        RequestHandler(18, "OnUpdateRequestCache"),
        RequestHandler(19, "OnPostUpdateRequestCache"),
        RequestHandler(20, "OnLogRequest"),
        RequestHandler(21, "OnPostLogRequest"),
        RequestHandler(22, "OnEndRequest"),
        RequestHandler(23, "OnPostEndRequest"),
        RequestHandler(24, "OnSendResponse", "ISendResponseProvider*"),
        RequestHandler(25, "OnMapPath", "IMapPathProvider*"),
        RequestHandler(26, "OnReadEntity", "IReadEntityProvider*"),
        RequestHandler(27, "OnCustomRequestNotification", "ICustomNotificationProvider*"),
        new(28, "OnAsyncCompletion", Request, ["IHttpContext*", "DWORD", "BOOL", "IHttpEventProvider*", "IHttpCompletionInfo*"], DefaultBehavior.DebugBreak),
        new(29, "Dispose", "VOID", [], DefaultBehavior.DeleteThis),
        new(30, "~CHttpModule", "", [], DefaultBehavior.Empty),
    ]);

    public static readonly ClassLayout CGlobalModule = new("CGlobalModule",
    [
        GlobalHandler(0, "OnGlobalStopListening", "IGlobalStopListeningProvider*"),
        GlobalHandler(1, "OnGlobalCacheCleanup"),
        GlobalHandler(2, "OnGlobalCacheOperation", "ICacheProvider*"),
        GlobalHandler(3, "OnGlobalHealthCheck"),
        GlobalHandler(4, "OnGlobalConfigurationChange", "IGlobalConfigurationChangeProvider*"),
        GlobalHandler(5, "OnGlobalFileChange", "IGlobalFileChangeProvider*"),
        GlobalHandler(6, "OnGlobalPreBeginRequest", "IPreBeginRequestProvider*"),
        GlobalHandler(7, "OnGlobalApplicationStart", "IHttpApplicationStartProvider*"),
        GlobalHandler(8, "OnGlobalApplicationResolveModules", "IHttpApplicationResolveModulesProvider*"),
        GlobalHandler(9, "OnGlobalApplicationStop", "IHttpApplicationStopProvider*"),
        GlobalHandler(10, "OnGlobalRSCAQuery", "IGlobalRSCAQueryProvider*"),
        GlobalHandler(11, "OnGlobalTraceEvent", "IGlobalTraceEventProvider*"),
        GlobalHandler(12, "OnGlobalCustomNotification", "ICustomNotificationProvider*"),
        new(13, "Terminate", "VOID", [], DefaultBehavior.PureVirtual),
        GlobalHandler(14, "OnGlobalThreadCleanup", "IGlobalThreadCleanupProvider*"),
        GlobalHandler(15, "OnGlobalApplicationPreload", "IGlobalApplicationPreloadProvider*"),
        GlobalHandler(16, "OnSuspendProcess", "IGlobalSuspendProcessCallback**"),
    ]);

    public static readonly ClassLayout IHttpModuleFactory = new("IHttpModuleFactory",
    [
        new(0, "GetHttpModule", "HRESULT", ["CHttpModule**", "IModuleAllocator*"], DefaultBehavior.PureVirtual),
        new(1, "Terminate", "VOID", [], DefaultBehavior.PureVirtual),
    ]);

    public static readonly ClassLayout IModuleAllocator = new("IModuleAllocator",
    [
        new(0, "AllocateMemory", "VOID*", ["DWORD"], DefaultBehavior.PureVirtual),
    ]);

    public static readonly ClassLayout IHttpModuleRegistrationInfo = new("IHttpModuleRegistrationInfo",
    [
        new(0, "GetName", "PCWSTR", [], DefaultBehavior.PureVirtual),
        new(1, "GetId", "HTTP_MODULE_ID", [], DefaultBehavior.PureVirtual),
        new(2, "SetRequestNotifications", "HRESULT", ["IHttpModuleFactory*", "DWORD", "DWORD"], DefaultBehavior.PureVirtual),
        new(3, "SetGlobalNotifications", "HRESULT", ["CGlobalModule*", "DWORD"], DefaultBehavior.PureVirtual),
        new(4, "SetPriorityForRequestNotification", "HRESULT", ["DWORD", "PCWSTR"], DefaultBehavior.PureVirtual),
        new(5, "SetPriorityForGlobalNotification", "HRESULT", ["DWORD", "PCWSTR"], DefaultBehavior.PureVirtual),
    ]);

    /// <summary>IHttpModuleRegistrationInfo2 : IHttpModuleRegistrationInfo adds one slot after the base's six.</summary>
    public static readonly ClassLayout IHttpModuleRegistrationInfo2 = new("IHttpModuleRegistrationInfo2",
    [
        .. IHttpModuleRegistrationInfo.Slots,
        new(6, "SetPriorityForPostRequestNotification", "HRESULT", ["DWORD", "PCWSTR"], DefaultBehavior.PureVirtual),
    ]);

    public static readonly IReadOnlyList<EnumConstant> RequestNotificationStatus =
    [
        new("RQ_NOTIFICATION_CONTINUE", 0),
        new("RQ_NOTIFICATION_PENDING", 1),
        new("RQ_NOTIFICATION_FINISH_REQUEST", 2),
    ];

    public static readonly IReadOnlyList<EnumConstant> GlobalNotificationStatus =
    [
        new("GL_NOTIFICATION_CONTINUE", 0),
        new("GL_NOTIFICATION_HANDLED", 1),
    ];

    /// <summary>The PRIORITY_ALIAS_* macros and their wide-string values.</summary>
    public static readonly IReadOnlyDictionary<string, string> PriorityAliases = new Dictionary<string, string>
    {
        ["PRIORITY_ALIAS_FIRST"] = "FIRST",
        ["PRIORITY_ALIAS_HIGH"] = "HIGH",
        ["PRIORITY_ALIAS_MEDIUM"] = "MEDIUM",
        ["PRIORITY_ALIAS_LOW"] = "LOW",
        ["PRIORITY_ALIAS_LAST"] = "LAST",
    };

    public static IReadOnlyList<ClassLayout> AllLayouts { get; } =
        [CHttpModule, CGlobalModule, IHttpModuleFactory, IModuleAllocator, IHttpModuleRegistrationInfo, IHttpModuleRegistrationInfo2];

    public static IReadOnlyList<Notification> NotificationsOf(NotificationKind kind) =>
        kind == NotificationKind.Request ? RequestNotifications : GlobalNotifications;

    /// <summary>The bits of <paramref name="mask"/>, each with its notification, or null for a bit httpserv.h does not define.</summary>
    public static IEnumerable<(uint Bit, Notification? Notification)> Decompose(uint mask, NotificationKind kind)
    {
        var known = NotificationsOf(kind);
        for (var bit = 1u; bit != 0; bit <<= 1)
        {
            if ((mask & bit) != 0)
            {
                yield return (bit, known.FirstOrDefault(notification => notification.Bit == bit));
            }
        }
    }

    /// <summary>"RQ_BEGIN_REQUEST | RQ_END_REQUEST", with undefined bits in hex.</summary>
    public static string Describe(uint mask, NotificationKind kind) =>
        mask == 0
            ? "0"
            : string.Join(" | ", Decompose(mask, kind).Select(part => part.Notification?.Constant ?? $"0x{part.Bit:X8}"));
}
