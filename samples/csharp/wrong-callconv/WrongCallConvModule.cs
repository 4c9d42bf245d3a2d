// Broken: OnBeginRequest is [UnmanagedCallersOnly] without CallConvMemberFunction, cast into the member-function slot:
// on x86 it expects stdcall while IIS calls it as thiscall.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IisModules.Interop;

namespace IisModules.WrongCallConv;

public static unsafe class WrongCallConvModule
{
    private static CHttpModule.Vtbl* s_vtbl;

    [UnmanagedCallersOnly(EntryPoint = "RegisterModule")]
    public static int RegisterModule(uint dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
    {
        try
        {
            s_vtbl = Native.Allocate<CHttpModule.Vtbl>();
            s_vtbl->OnBeginRequest = (delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS>) // expect: IISM5002
                (delegate* unmanaged<CHttpModule*, IHttpContext*, IHttpEventProvider*, REQUEST_NOTIFICATION_STATUS>)&OnBeginRequest;
            var factory = ModuleFactory.Create(s_vtbl);
            return pModuleInfo->SetRequestNotifications(factory, (uint)RequestNotifications.RQ_BEGIN_REQUEST, 0);
        }
        catch
        {
            return unchecked((int)0x8007000E);
        }
    }


    [UnmanagedCallersOnly]
    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
        REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
}
