// dllmain.cpp : Defines the entry point for the DLL application.
#include "stdafx.h"
#include "OutputCacheModule.h"

// Broken: RQ_SEND_RESPONSE was added to store responses on their way out, but
// COutputCacheModule never overrides OnSendResponse.
HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return pModuleInfo->SetRequestNotifications(new COutputCacheModuleFactory, // expect: IISM2001
        RQ_RESOLVE_REQUEST_CACHE | RQ_UPDATE_REQUEST_CACHE | RQ_SEND_RESPONSE, 0);
}
