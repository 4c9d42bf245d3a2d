// A correct request module: registers RQ_BEGIN_REQUEST and RQ_END_REQUEST and overrides both
// handlers. Exported through request-module.def.
#include "../common/iis_module.h"

class CHeaderModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        pHttpContext->GetResponse()->SetHeader("X-Module", "header", 6, TRUE);
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CHeaderModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CHeaderModule();
        return *ppModule != nullptr ? S_OK : E_OUTOFMEMORY;
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
    return pModuleInfo->SetRequestNotifications(new CHeaderModuleFactory(), RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);
}
