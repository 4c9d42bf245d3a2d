// Broken (x86): decorated-def-export.def exports the name "RegisterModule@12", the shape a
// mingw-w64 build produces for a stdcall function without --kill-at.
#include "../common/begin_request_module.h"

extern "C" HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return RegisterBeginRequestModule(pModuleInfo);
}
