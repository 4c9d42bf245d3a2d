// Broken (warning): OnBeginRequest formats a header value with managed code and no catch-all; an exception there
// (out of memory, a bad format) reaches the unmanaged boundary and terminates w3wp.exe.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IisModules.Interop;

namespace IisModules.ThrowingHandler;

public static unsafe class ThrowingHandlerModule
{
    private static CHttpModule.Vtbl* s_vtbl;

    [UnmanagedCallersOnly(EntryPoint = "RegisterModule")]
    public static int RegisterModule(uint dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
    {
        try
        {
            s_vtbl = Native.Allocate<CHttpModule.Vtbl>();
            s_vtbl->OnBeginRequest = &OnBeginRequest;
            var factory = ModuleFactory.Create(s_vtbl);
            return pModuleInfo->SetRequestNotifications(factory, (uint)RequestNotifications.RQ_BEGIN_REQUEST, 0);
        }
        catch
        {
            return unchecked((int)0x8007000E);
        }
    }


    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
    {
        var stamp = string.Format("{0:O}", DateTime.UtcNow); // expect: IISM5003
        return stamp.Length > 0 ? REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE : REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_FINISH_REQUEST;
    }
}
