// Exported with __declspec(dllexport) on an extern "C" WINAPI function and no .def file.
// Correct on x64 (no decoration); on x86 the stdcall name is exported as _RegisterModule@12,
// which IIS cannot find.
#include "../common/begin_request_module.h"

extern "C" __declspec(dllexport) HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return RegisterBeginRequestModule(pModuleInfo);
}
