// Broken: ordinal-only.def exports RegisterModule by ordinal with NONAME, so IIS's
// GetProcAddress(h, "RegisterModule") finds nothing.
#include "../common/begin_request_module.h"

extern "C" HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return RegisterBeginRequestModule(pModuleInfo);
}
