// Broken (warnings): overrides OnEndRequest and OnPostBeginRequest but registers only RQ_BEGIN_REQUEST, with an
// empty post mask: IIS never calls the two handlers.
#include "../common/iis_module.h"

class CTimingModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        m_start = GetTickCount64();
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnPostBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override // expect: IISM2003
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override // expect: IISM2003
    {
        UNREFERENCED_PARAMETER(pProvider);
        pHttpContext->GetResponse()->SetHeader("X-Elapsed", "1", 1, TRUE);
        return RQ_NOTIFICATION_CONTINUE;
    }

private:
    ULONGLONG m_start = 0;
};

class CTimingModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CTimingModule();
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
    return pModuleInfo->SetRequestNotifications(new CTimingModuleFactory(), RQ_BEGIN_REQUEST, 0);
}
