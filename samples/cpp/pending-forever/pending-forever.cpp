// Broken (warning): parks the request with RQ_NOTIFICATION_PENDING, but nothing ever resumes it: no
// OnAsyncCompletion override and no IndicateCompletion call anywhere in the module.
#include "../common/iis_module.h"

class CThrottleModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        if (pHttpContext->GetRequest()->GetRemainingEntityBytes() > 0)
        {
            return RQ_NOTIFICATION_PENDING; // expect: IISM3003
        }
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CThrottleModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CThrottleModule();
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
    return pModuleInfo->SetRequestNotifications(new CThrottleModuleFactory(), RQ_BEGIN_REQUEST, 0);
}
