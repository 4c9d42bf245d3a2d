// Broken (warning): assigns the OnPostBeginRequest slot, but the post mask is empty: IIS never calls it.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IisModules.Interop;

namespace IisModules.UnregisteredSlot;

public static unsafe class UnregisteredSlotModule
{
    private static CHttpModule.Vtbl* s_vtbl;

    [UnmanagedCallersOnly(EntryPoint = "RegisterModule")]
    public static int RegisterModule(uint dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
    {
        try
        {
            s_vtbl = Native.Allocate<CHttpModule.Vtbl>();
            s_vtbl->OnBeginRequest = &OnBeginRequest;
            s_vtbl->OnPostBeginRequest = &OnPostBeginRequest; // expect: IISM2003
            var factory = ModuleFactory.Create(s_vtbl);
            return pModuleInfo->SetRequestNotifications(factory, (uint)RequestNotifications.RQ_BEGIN_REQUEST, 0);
        }
        catch
        {
            return unchecked((int)0x8007000E);
        }
    }


    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
        REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnPostBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
        REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
}
