// Broken: a request handler returning 5 and a global status; see also the global module below returning 2.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IisModules.Interop;

namespace IisModules.BadReturns;

public static unsafe class BadReturnsModule
{
    private static CHttpModule.Vtbl* s_vtbl;

    [UnmanagedCallersOnly(EntryPoint = "RegisterModule")]
    public static int RegisterModule(uint dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
    {
        try
        {
            s_vtbl = Native.Allocate<CHttpModule.Vtbl>();
            s_vtbl->OnBeginRequest = &OnBeginRequest;
            s_vtbl->OnEndRequest = &OnEndRequest;
            var factory = ModuleFactory.Create(s_vtbl);
            var hr = pModuleInfo->SetRequestNotifications(factory, (uint)(RequestNotifications.RQ_BEGIN_REQUEST | RequestNotifications.RQ_END_REQUEST), 0);
            return hr < 0 ? hr : BadGlobalModule.Register(pModuleInfo);
        }
        catch
        {
            return unchecked((int)0x8007000E);
        }
    }


    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
        (REQUEST_NOTIFICATION_STATUS)5; // expect: IISM3001

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnEndRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
    {
        return (REQUEST_NOTIFICATION_STATUS)GLOBAL_NOTIFICATION_STATUS.GL_NOTIFICATION_HANDLED; // expect: IISM3001
    }
}

public static unsafe class BadGlobalModule
{
    public static int Register(IHttpModuleRegistrationInfo* pModuleInfo)
    {
        var module = Native.Allocate<CGlobalModule>();
        module->lpVtbl = Native.Allocate<CGlobalModule.Vtbl>();
        module->lpVtbl->OnGlobalPreBeginRequest = &OnGlobalPreBeginRequest;
        module->lpVtbl->Terminate = &Terminate;
        return pModuleInfo->SetGlobalNotifications(module, (uint)GlobalNotifications.GL_PRE_BEGIN_REQUEST);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static GLOBAL_NOTIFICATION_STATUS OnGlobalPreBeginRequest(CGlobalModule* self, IPreBeginRequestProvider* pProvider) =>
        (GLOBAL_NOTIFICATION_STATUS)2; // expect: IISM3002

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void Terminate(CGlobalModule* self)
    {
    }
}
