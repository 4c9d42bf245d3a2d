#include "stdafx.h"
#include "ConfigCache.h"

// Correct: both registered global notifications are handled.
extern "C" HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    CConfigCacheModule* pModule = new CConfigCacheModule();
    HRESULT hr = pModule->Initialize(pGlobalInfo);
    if (FAILED(hr))
    {
        delete pModule;
        return hr;
    }
    return pModuleInfo->SetGlobalNotifications(pModule, GL_CONFIGURATION_CHANGE | GL_APPLICATION_STOP);
}
