// A correct module with both kinds of registration, a post notification and priorities.
// Exported through request-and-global.def.
#include "../common/iis_module.h"

class CRoutingModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnPostMapRequestHandler(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        if (pHttpContext->GetScriptMap() == nullptr)
        {
            pHttpContext->GetResponse()->SetStatus(404, "Not Found");
            return RQ_NOTIFICATION_FINISH_REQUEST;
        }
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CRoutingModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CRoutingModule();
        return *ppModule != nullptr ? S_OK : E_OUTOFMEMORY;
    }

    void Terminate() override
    {
        delete this;
    }
};

class CRoutingGlobalModule final : public CGlobalModule
{
public:
    GLOBAL_NOTIFICATION_STATUS OnGlobalConfigurationChange(IGlobalConfigurationChangeProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        return GL_NOTIFICATION_CONTINUE;
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
    HRESULT hr = pModuleInfo->SetRequestNotifications(new CRoutingModuleFactory(), RQ_BEGIN_REQUEST, RQ_MAP_REQUEST_HANDLER);
    if (FAILED(hr))
    {
        return hr;
    }
    hr = pModuleInfo->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST, PRIORITY_ALIAS_HIGH);
    if (FAILED(hr))
    {
        return hr;
    }
    return pModuleInfo->SetGlobalNotifications(new CRoutingGlobalModule(), GL_CONFIGURATION_CHANGE);
}
