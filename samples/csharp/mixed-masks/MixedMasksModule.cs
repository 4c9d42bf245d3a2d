// Broken: a global notification in the request mask. GL_APPLICATION_START is 0x200, which here means
// RQ_UPDATE_REQUEST_CACHE, whose slot is not assigned: the mask is wrong and IIS would call a null pointer.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IisModules.Interop;

namespace IisModules.MixedMasks;

public static unsafe class MixedMasksModule
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
            return pModuleInfo->SetRequestNotifications(factory, (uint)RequestNotifications.RQ_BEGIN_REQUEST | (uint)GlobalNotifications.GL_APPLICATION_START, 0); // expect: IISM2001 IISM2005
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
