// Broken: a global module whose vtable has no Terminate: IIS calls it through a null pointer at every shutdown.
using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IisModules.Interop;

namespace IisModules.GlobalWithoutTerminate;

public static unsafe class GlobalWithoutTerminateModule // expect: IISM5004
{
    [UnmanagedCallersOnly(EntryPoint = "RegisterModule")]
    public static int RegisterModule(uint dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
    {
        try
        {
            var module = Native.Allocate<CGlobalModule>();
            module->lpVtbl = Native.Allocate<CGlobalModule.Vtbl>();
            module->lpVtbl->OnGlobalApplicationStop = &OnGlobalApplicationStop;
            return pModuleInfo->SetGlobalNotifications(module, (uint)GlobalNotifications.GL_APPLICATION_STOP);
        }
        catch
        {
            return unchecked((int)0x8007000E);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
    private static GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStop(CGlobalModule* self, IHttpApplicationStopProvider* pProvider) =>
        GLOBAL_NOTIFICATION_STATUS.GL_NOTIFICATION_CONTINUE;
}
