// Broken: priorities that do nothing or fail. The module registers RQ_BEGIN_REQUEST only, so the priority for
// RQ_END_REQUEST has no effect; "TOP" is no PRIORITY_ALIAS_* value, so SetPriorityForRequestNotification fails and
// RegisterModule returns the error: IIS does not load the module.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IisModules.Interop;

namespace IisModules.Priorities;

public static unsafe class PrioritiesModule
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
            var hr = pModuleInfo->SetRequestNotifications(factory, (uint)RequestNotifications.RQ_BEGIN_REQUEST, 0);
            if (hr < 0)
            {
                return hr;
            }
            fixed (char* high = PriorityAliases.PRIORITY_ALIAS_HIGH)
            {
                hr = pModuleInfo->SetPriorityForRequestNotification((uint)RequestNotifications.RQ_BEGIN_REQUEST, high);
                if (hr < 0)
                {
                    return hr;
                }
                hr = pModuleInfo->SetPriorityForRequestNotification((uint)RequestNotifications.RQ_END_REQUEST, high); // expect: IISM2006
            }
            if (hr < 0)
            {
                return hr;
            }
            fixed (char* top = "TOP")
            {
                return pModuleInfo->SetPriorityForRequestNotification((uint)RequestNotifications.RQ_BEGIN_REQUEST, top); // expect: IISM2006
            }
        }
        catch
        {
            return unchecked((int)0x8007000E);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
        REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
}
