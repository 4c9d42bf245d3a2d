// A correct C# module: a request module (begin and end of request) and a global module (application start), with
// hand-built vtables whose slots point at [UnmanagedCallersOnly] member functions (the factory is the shared
// Interop/ModuleFactory.cs), and every managed call that can throw inside a catch-all.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using IisModules.Interop;

namespace IisModules.Hello;

public static unsafe class HelloModule
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
            s_vtbl->Dispose = &Dispose;

            var factory = ModuleFactory.Create(s_vtbl);

            var result = pModuleInfo->SetRequestNotifications(factory,
                (uint)(RequestNotifications.RQ_BEGIN_REQUEST | RequestNotifications.RQ_END_REQUEST), 0);
            return result < 0 ? result : AppStartWatcher.Register(pModuleInfo);
        }
        catch
        {
            return unchecked((int)0x8007000E); // E_OUTOFMEMORY
        }
    }


    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
        REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static REQUEST_NOTIFICATION_STATUS OnEndRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
    {
        return REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void Dispose(CHttpModule* self)
    {
        NativeMemory.Free(self);
    }
}

/// <summary>The global module of the sample: counts application starts.</summary>
public static unsafe class AppStartWatcher
{
    private static long s_starts;

    public static int Register(IHttpModuleRegistrationInfo* pModuleInfo)
    {
        var module = Native.Allocate<CGlobalModule>();
        module->lpVtbl = Native.Allocate<CGlobalModule.Vtbl>();
        module->lpVtbl->OnGlobalApplicationStart = &OnGlobalApplicationStart;
        module->lpVtbl->Terminate = &Terminate;
        return pModuleInfo->SetGlobalNotifications(module, (uint)GlobalNotifications.GL_APPLICATION_START);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStart(CGlobalModule* self, IHttpApplicationStartProvider* pProvider)
    {
        Interlocked.Increment(ref s_starts);
        return GLOBAL_NOTIFICATION_STATUS.GL_NOTIFICATION_CONTINUE;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static void Terminate(CGlobalModule* self)
    {
        NativeMemory.Free(self->lpVtbl);
        NativeMemory.Free(self);
    }
}
