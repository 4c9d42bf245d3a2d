// Broken: __declspec(dllexport) without extern "C" exports the C++-mangled name
// (?RegisterModule@@...), never "RegisterModule".
#include "../common/begin_request_module.h"

__declspec(dllexport) HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo) // expect: IISM4003
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return RegisterBeginRequestModule(pModuleInfo);
}
