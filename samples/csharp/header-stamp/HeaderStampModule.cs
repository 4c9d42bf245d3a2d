// Stamps every response with the server's build; registers RQ_SEND_RESPONSE too but only fills OnBeginRequest.
// The interop types (CHttpModule.Vtbl, RequestNotifications, ModuleFactory) live in the referenced IisInterop project;
// System.* comes from the SDK's implicit usings.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IisModules.Interop;

namespace Contoso.HeaderStamp;

public static unsafe class HeaderStampModule
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
            return pModuleInfo->SetRequestNotifications(factory, (uint)(RequestNotifications.RQ_BEGIN_REQUEST | RequestNotifications.RQ_SEND_RESPONSE), 0); // expect: IISM2001
        }
        catch
        {
            return unchecked((int)0x8007000E);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* pThis, IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
    {
        try
        {
            var started = DateTime.UtcNow; // System comes from the implicit usings
            _ = started;
            return REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
        }
        catch
        {
            return REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
        }
    }
}
