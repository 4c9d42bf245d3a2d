// Broken: RegisterModule is defined but nothing exports it (no .def, no /EXPORT, no dllexport).
// The DLL exports only a helper, so it still has an export table.
#include "../common/begin_request_module.h"

extern "C" HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return RegisterBeginRequestModule(pModuleInfo);
}

extern "C" __declspec(dllexport) DWORD WINAPI GetModuleBuildNumber()
{
    return 7;
}
