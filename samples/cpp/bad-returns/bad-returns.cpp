// Broken: handlers that return values IIS does not define: an HRESULT cast to REQUEST_NOTIFICATION_STATUS, the
// constant 5, a global status in a request handler, and a request status and 2 in a global handler.
#include "../common/iis_module.h"

class CForwardingModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        HRESULT hr = pHttpContext->GetResponse()->SetHeader("X-Forwarded", "1", 1, TRUE);
        if (FAILED(hr))
        {
            return (REQUEST_NOTIFICATION_STATUS)hr; // expect: IISM3001
        }
        if (pHttpContext->GetScriptMap() == nullptr)
        {
            return static_cast<REQUEST_NOTIFICATION_STATUS>(5); // expect: IISM3001
        }
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return (REQUEST_NOTIFICATION_STATUS)GL_NOTIFICATION_HANDLED; // expect: IISM3001
    }
};

class CForwardingModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CForwardingModule();
        return *ppModule != nullptr ? S_OK : E_OUTOFMEMORY;
    }

    void Terminate() override
    {
        delete this;
    }
};

class CForwardingGlobalModule final : public CGlobalModule
{
public:
    GLOBAL_NOTIFICATION_STATUS OnGlobalPreBeginRequest(IPreBeginRequestProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        return (GLOBAL_NOTIFICATION_STATUS)RQ_NOTIFICATION_FINISH_REQUEST; // expect: IISM3002
    }

    GLOBAL_NOTIFICATION_STATUS OnGlobalConfigurationChange(IGlobalConfigurationChangeProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        return static_cast<GLOBAL_NOTIFICATION_STATUS>(2); // expect: IISM3002
    }

    void Terminate() override
    {
        delete this;
    }
};

extern "C" HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    HRESULT hr = pModuleInfo->SetRequestNotifications(new CForwardingModuleFactory(), RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);
    if (FAILED(hr))
    {
        return hr;
    }
    return pModuleInfo->SetGlobalNotifications(new CForwardingGlobalModule(), GL_PRE_BEGIN_REQUEST | GL_CONFIGURATION_CHANGE);
}
