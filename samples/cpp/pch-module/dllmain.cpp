// dllmain.cpp : Defines the entry point for the DLL application.
#include "stdafx.h"

// Broken: RQ_END_REQUEST is registered, but the module (declared in the precompiled header) overrides only
// OnBeginRequest and OnSendResponse.
HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return pModuleInfo->SetRequestNotifications(new CHeaderRewriteModuleFactory, RQ_BEGIN_REQUEST | RQ_SEND_RESPONSE | RQ_END_REQUEST, 0); // expect: IISM2001
}
