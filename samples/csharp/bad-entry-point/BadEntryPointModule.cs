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
            var factory = Native.Allocate<IHttpModuleFactory>();
            factory->lpVtbl = Native.Allocate<IHttpModuleFactory.Vtbl>();
            factory->lpVtbl->GetHttpModule = &GetHttpModule;
            factory->lpVtbl->Terminate = &Terminate;
            return pModuleInfo->SetRequestNotifications(factory, (uint)RequestNotifications.RQ_BEGIN_REQUEST, 0);
        }
        catch
        {
            return unchecked((int)0x8007000E);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static int GetHttpModule(IHttpModuleFactory* self, CHttpModule** ppModule, IModuleAllocator* pAllocator)
    {
        try
        {
            var module = Native.Allocate<CHttpModule>();
            module->lpVtbl = s_vtbl;
            *ppModule = module;
            return 0;
        }
        catch
        {
            return unchecked((int)0x8007000E);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void Terminate(IHttpModuleFactory* self)
    {
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
        REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
}
