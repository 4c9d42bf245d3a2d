// Factories and a global module made through a framework's macro, placement new and pool: each registration is
// followed to its class. One factory comes from a call into a library that is not in the project: that registration
// stays, with its class unknown, and no rule speaks about what it might register. One real defect: the global module
// registers GL_APPLICATION_START and does not handle it.
#define _WINSOCKAPI_
#include <windows.h>
#include <httpserv.h>
#include "framework/fx_alloc.h"

class CPageModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext*, IHttpEventProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext*, IHttpEventProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
    // Registered through the framework's authentication factory, whose registration cannot be followed here.
    REQUEST_NOTIFICATION_STATUS OnAuthenticateRequest(IHttpContext*, IAuthenticationProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
};

class CPageFactory : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override
    {
        *ppModule = FX_NEW(CPageModule);
        return S_OK;
    }

    void Terminate() override {}
};

class CLogModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnLogRequest(IHttpContext*, IHttpEventProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
};

class CLogFactory : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override
    {
        *ppModule = new (FxPool::Allocate(sizeof(CLogModule))) CLogModule();
        return S_OK;
    }

    void Terminate() override {}
};

class CStartupHook : public CGlobalModule
{
public:
    GLOBAL_NOTIFICATION_STATUS OnGlobalPreBeginRequest(IPreBeginRequestProvider*) override { return GL_NOTIFICATION_CONTINUE; }
    void Terminate() override {}
};

extern "C" HRESULT WINAPI RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*)
{
    HRESULT hr = pModuleInfo->SetRequestNotifications(FX_NEW(CPageFactory), RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);
    if (FAILED(hr))
    {
        return hr;
    }
    hr = pModuleInfo->SetRequestNotifications(new (FxPool::Allocate(sizeof(CLogFactory))) CLogFactory(), RQ_LOG_REQUEST, 0);
    if (FAILED(hr))
    {
        return hr;
    }
    hr = pModuleInfo->SetRequestNotifications(FxCreateAuthenticationFactory(), RQ_AUTHENTICATE_REQUEST, 0);
    if (FAILED(hr))
    {
        return hr;
    }
    hr = pModuleInfo->SetPriorityForRequestNotification(RQ_AUTHENTICATE_REQUEST, PRIORITY_ALIAS_FIRST);
    if (FAILED(hr))
    {
        return hr;
    }
    return pModuleInfo->SetGlobalNotifications(FxPool::Create<CStartupHook>(), GL_APPLICATION_START | GL_PRE_BEGIN_REQUEST); // expect: IISM2001
}
