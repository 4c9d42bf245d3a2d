// Interop declarations for IIS native modules written in C# and compiled with NativeAOT, in the style of
// TerraFX.Interop.Windows: each httpserv.h class is a struct whose first field points at a vtable struct of
// unmanaged function pointers, in httpserv.h's slot order. The sample modules include this file; the validator
// reads modules against it (or against TerraFX's own declarations, which have the same shape).
using System.Runtime.CompilerServices;

namespace IisModules.Interop;

public enum RequestNotifications : uint
{
    RQ_BEGIN_REQUEST = 0x00000001,
    RQ_AUTHENTICATE_REQUEST = 0x00000002,
    RQ_AUTHORIZE_REQUEST = 0x00000004,
    RQ_RESOLVE_REQUEST_CACHE = 0x00000008,
    RQ_MAP_REQUEST_HANDLER = 0x00000010,
    RQ_ACQUIRE_REQUEST_STATE = 0x00000020,
    RQ_PRE_EXECUTE_REQUEST_HANDLER = 0x00000040,
    RQ_EXECUTE_REQUEST_HANDLER = 0x00000080,
    RQ_RELEASE_REQUEST_STATE = 0x00000100,
    RQ_UPDATE_REQUEST_CACHE = 0x00000200,
    RQ_LOG_REQUEST = 0x00000400,
    RQ_END_REQUEST = 0x00000800,
    RQ_SEND_RESPONSE_STATUS_AND_HEADERS = 0x08000000,
    RQ_CUSTOM_NOTIFICATION = 0x10000000,
    RQ_SEND_RESPONSE = 0x20000000,
    RQ_READ_ENTITY = 0x40000000,
    RQ_MAP_PATH = 0x80000000,
}

public enum GlobalNotifications : uint
{
    GL_STOP_LISTENING = 0x00000002,
    GL_CACHE_CLEANUP = 0x00000004,
    GL_CACHE_OPERATION = 0x00000010,
    GL_HEALTH_CHECK = 0x00000020,
    GL_CONFIGURATION_CHANGE = 0x00000040,
    GL_FILE_CHANGE = 0x00000080,
    GL_PRE_BEGIN_REQUEST = 0x00000100,
    GL_APPLICATION_START = 0x00000200,
    GL_APPLICATION_RESOLVE_MODULES = 0x00000400,
    GL_APPLICATION_STOP = 0x00000800,
    GL_RSCA_QUERY = 0x00001000,
    GL_TRACE_EVENT = 0x00002000,
    GL_CUSTOM_NOTIFICATION = 0x00004000,
    GL_THREAD_CLEANUP = 0x00008000,
    GL_APPLICATION_PRELOAD = 0x00010000,
    GL_SUSPEND_PROCESS = 0x00020000,
}

public enum REQUEST_NOTIFICATION_STATUS
{
    RQ_NOTIFICATION_CONTINUE,
    RQ_NOTIFICATION_PENDING,
    RQ_NOTIFICATION_FINISH_REQUEST,
}

public enum GLOBAL_NOTIFICATION_STATUS
{
    GL_NOTIFICATION_CONTINUE,
    GL_NOTIFICATION_HANDLED,
}

public static class PriorityAliases
{
    public const string PRIORITY_ALIAS_FIRST = "FIRST";
    public const string PRIORITY_ALIAS_HIGH = "HIGH";
    public const string PRIORITY_ALIAS_MEDIUM = "MEDIUM";
    public const string PRIORITY_ALIAS_LOW = "LOW";
    public const string PRIORITY_ALIAS_LAST = "LAST";
}

public unsafe struct CHttpModule
{
    public Vtbl* lpVtbl;

    public struct Vtbl
    {
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnBeginRequest;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostBeginRequest;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IAuthenticationProvider*, REQUEST_NOTIFICATION_STATUS> OnAuthenticateRequest;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostAuthenticateRequest;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnAuthorizeRequest;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostAuthorizeRequest;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnResolveRequestCache;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostResolveRequestCache;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IMapHandlerProvider*, REQUEST_NOTIFICATION_STATUS> OnMapRequestHandler;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostMapRequestHandler;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnAcquireRequestState;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostAcquireRequestState;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPreExecuteRequestHandler;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostPreExecuteRequestHandler;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnExecuteRequestHandler;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostExecuteRequestHandler;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnReleaseRequestState;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostReleaseRequestState;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnUpdateRequestCache;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostUpdateRequestCache;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnLogRequest;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostLogRequest;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnEndRequest;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS> OnPostEndRequest;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, ISendResponseProvider*, REQUEST_NOTIFICATION_STATUS> OnSendResponse;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IMapPathProvider*, REQUEST_NOTIFICATION_STATUS> OnMapPath;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IReadEntityProvider*, REQUEST_NOTIFICATION_STATUS> OnReadEntity;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, ICustomNotificationProvider*, REQUEST_NOTIFICATION_STATUS> OnCustomRequestNotification;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, uint, int, IHttpEventProvider*, IHttpCompletionInfo*, REQUEST_NOTIFICATION_STATUS> OnAsyncCompletion;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, void> Dispose;
        public delegate* unmanaged[MemberFunction]<CHttpModule*, uint, void*> Destructor;
    }
}

public unsafe struct CGlobalModule
{
    public Vtbl* lpVtbl;

    public struct Vtbl
    {
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IGlobalStopListeningProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalStopListening;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, GLOBAL_NOTIFICATION_STATUS> OnGlobalCacheCleanup;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, ICacheProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalCacheOperation;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, GLOBAL_NOTIFICATION_STATUS> OnGlobalHealthCheck;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IGlobalConfigurationChangeProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalConfigurationChange;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IGlobalFileChangeProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalFileChange;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IPreBeginRequestProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalPreBeginRequest;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IHttpApplicationStartProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalApplicationStart;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IHttpApplicationResolveModulesProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalApplicationResolveModules;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IHttpApplicationStopProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalApplicationStop;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IGlobalRSCAQueryProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalRSCAQuery;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IGlobalTraceEventProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalTraceEvent;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, ICustomNotificationProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalCustomNotification;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, void> Terminate;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IGlobalThreadCleanupProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalThreadCleanup;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IGlobalApplicationPreloadProvider*, GLOBAL_NOTIFICATION_STATUS> OnGlobalApplicationPreload;
        public delegate* unmanaged[MemberFunction]<CGlobalModule*, IGlobalSuspendProcessCallback**, GLOBAL_NOTIFICATION_STATUS> OnSuspendProcess;
    }
}

public unsafe struct IHttpModuleFactory
{
    public Vtbl* lpVtbl;

    public struct Vtbl
    {
        public delegate* unmanaged[MemberFunction]<IHttpModuleFactory*, CHttpModule**, IModuleAllocator*, int> GetHttpModule;
        public delegate* unmanaged[MemberFunction]<IHttpModuleFactory*, void> Terminate;
    }
}

public unsafe struct IHttpModuleRegistrationInfo
{
    public Vtbl* lpVtbl;

    public struct Vtbl
    {
        public delegate* unmanaged[MemberFunction]<IHttpModuleRegistrationInfo*, char*> GetName;
        public delegate* unmanaged[MemberFunction]<IHttpModuleRegistrationInfo*, void*> GetId;
        public delegate* unmanaged[MemberFunction]<IHttpModuleRegistrationInfo*, IHttpModuleFactory*, uint, uint, int> SetRequestNotifications;
        public delegate* unmanaged[MemberFunction]<IHttpModuleRegistrationInfo*, CGlobalModule*, uint, int> SetGlobalNotifications;
        public delegate* unmanaged[MemberFunction]<IHttpModuleRegistrationInfo*, uint, char*, int> SetPriorityForRequestNotification;
        public delegate* unmanaged[MemberFunction]<IHttpModuleRegistrationInfo*, uint, char*, int> SetPriorityForGlobalNotification;
    }

    public int SetRequestNotifications(IHttpModuleFactory* pModuleFactory, uint dwRequestNotifications, uint dwPostRequestNotifications) =>
        lpVtbl->SetRequestNotifications((IHttpModuleRegistrationInfo*)Unsafe.AsPointer(ref this), pModuleFactory, dwRequestNotifications, dwPostRequestNotifications);

    public int SetGlobalNotifications(CGlobalModule* pGlobalModule, uint dwGlobalNotifications) =>
        lpVtbl->SetGlobalNotifications((IHttpModuleRegistrationInfo*)Unsafe.AsPointer(ref this), pGlobalModule, dwGlobalNotifications);

    public int SetPriorityForRequestNotification(uint dwRequestNotification, char* pszPriority) =>
        lpVtbl->SetPriorityForRequestNotification((IHttpModuleRegistrationInfo*)Unsafe.AsPointer(ref this), dwRequestNotification, pszPriority);
}


public struct IAuthenticationProvider
{
}

public struct ICacheProvider
{
}

public struct ICustomNotificationProvider
{
}

public struct IGlobalApplicationPreloadProvider
{
}

public struct IGlobalConfigurationChangeProvider
{
}

public struct IGlobalFileChangeProvider
{
}

public struct IGlobalRSCAQueryProvider
{
}

public struct IGlobalStopListeningProvider
{
}

public struct IGlobalSuspendProcessCallback
{
}

public struct IGlobalThreadCleanupProvider
{
}

public struct IGlobalTraceEventProvider
{
}

public struct IHttpApplicationResolveModulesProvider
{
}

public struct IHttpApplicationStartProvider
{
}

public struct IHttpApplicationStopProvider
{
}

public struct IHttpCompletionInfo
{
}

public struct IHttpContext
{
}

public struct IHttpEventProvider
{
}

public struct IHttpServer
{
}

public struct IMapHandlerProvider
{
}

public struct IMapPathProvider
{
}

public struct IModuleAllocator
{
}

public struct IPreBeginRequestProvider
{
}

public struct IReadEntityProvider
{
}

public struct ISendResponseProvider
{
}

