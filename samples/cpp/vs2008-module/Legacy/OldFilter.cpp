// Excluded from the build in every configuration: a filter from IIS 6 days that registers what it cannot handle.
#include "../Include/CompressionModule.h"

extern "C" HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    return pModuleInfo->SetRequestNotifications(new CCompressionModuleFactory(), RQ_END_REQUEST, 0);
}
