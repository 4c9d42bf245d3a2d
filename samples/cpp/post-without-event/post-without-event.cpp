// Broken: asks for the post event of RQ_SEND_RESPONSE, which does not exist, and defines OnPostMapPath, which
// IIS never calls (RQ_MAP_PATH has no post event either).
#include "../common/iis_module.h"

class CHeaderStripModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnSendResponse(IHttpContext* pHttpContext, ISendResponseProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        pHttpContext->GetResponse()->DeleteHeader("Server");
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnPostMapPath(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) // expect: IISM2004
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CHeaderStripModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CHeaderStripModule();
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
    return pModuleInfo->SetRequestNotifications(new CHeaderStripModuleFactory(), RQ_SEND_RESPONSE, RQ_SEND_RESPONSE); // expect: IISM2004
}
