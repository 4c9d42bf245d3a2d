// An audit module whose handlers format log lines with managed code. One handler is accepted with '#pragma warning
// disable' (its formatting cannot fail), one with [SuppressMessage]; the .editorconfig beside the project makes the
// remaining IISM5003 an error and silences IISM2003 for the handler kept for the IIS 7.5 configuration.
using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IisModules.Interop;

namespace IisModules.SuppressedHandlers;

public static unsafe class AuditModule
{
    private static CHttpModule.Vtbl* s_vtbl;
    private static long s_requests;

    [UnmanagedCallersOnly(EntryPoint = "RegisterModule")]
    public static int RegisterModule(uint dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
    {
        try
        {
            s_vtbl = Native.Allocate<CHttpModule.Vtbl>();
            s_vtbl->OnBeginRequest = &OnBeginRequest;
            s_vtbl->OnAuthenticateRequest = &OnAuthenticateRequest;
            s_vtbl->OnLogRequest = &OnLogRequest;
            s_vtbl->OnEndRequest = &OnEndRequest; // kept for the 7.5 configuration, which registers RQ_END_REQUEST
            var factory = ModuleFactory.Create(s_vtbl);
            return pModuleInfo->SetRequestNotifications(factory,
                (uint)(RequestNotifications.RQ_BEGIN_REQUEST | RequestNotifications.RQ_AUTHENTICATE_REQUEST | RequestNotifications.RQ_LOG_REQUEST), 0);
        }
        catch
        {
            return unchecked((int)0x8007000E);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
    {
#pragma warning disable IISM5003 // an invariant integer format of a counter cannot throw
        var line = s_requests.ToString(System.Globalization.CultureInfo.InvariantCulture); // expect-suppressed: IISM5003
#pragma warning restore IISM5003
        return line.Length > 0 ? REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE : REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_FINISH_REQUEST;
    }

    [SuppressMessage("IIS", "IISM5003:A handler can throw into IIS", Justification = "a fixed D8 format of a long cannot throw; reviewed 2026-11")]
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnAuthenticateRequest(CHttpModule* self, IHttpContext* pHttpContext, IAuthenticationProvider* pProvider)
    {
        var id = s_requests.ToString("D8", System.Globalization.CultureInfo.InvariantCulture); // expect-suppressed: IISM5003
        return id.Length == 8 ? REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE : REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_FINISH_REQUEST;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnLogRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
    {
        var stamp = string.Format("{0:O} {1}", DateTime.UtcNow, s_requests); // expect: IISM5003
        return stamp.Length > 0 ? REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE : REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_FINISH_REQUEST;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnEndRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
    {
        return REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
    }
}
