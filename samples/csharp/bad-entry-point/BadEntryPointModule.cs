// Broken: the export is spelt "registerModule"; IIS looks up "RegisterModule" and export names are case-sensitive.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IisModules.Interop;

namespace IisModules.BadEntryPoint;

public static unsafe class BadEntryPointModule
{
    private static CHttpModule.Vtbl* s_vtbl;

    [UnmanagedCallersOnly(EntryPoint = "registerModule")]
    public static int RegisterModule( // expect: IISM5001
        uint dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
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
    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
        REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
}
