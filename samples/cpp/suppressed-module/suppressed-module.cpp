// Accepted findings, as a team that lives with the validator writes them: each iism-suppress comment names the rule
// and says why. The handlers stay in the class for the configuration that registers them in other builds.
#include "../common/iis_module.h"

#define CACHE_HEADER "X-Cache-Decision"

class CCacheDecisionModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnResolveRequestCache(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        pHttpContext->GetResponse()->SetHeader(CACHE_HEADER, "miss", 4, TRUE);
        return RQ_NOTIFICATION_CONTINUE;
    }

    // Kept for the cache-warming build (CACHEWARM=1), which registers RQ_END_REQUEST too.
    // iism-suppress IISM2003: OnEndRequest is registered by the cache-warming build only (see RegisterModule)
    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override // expect-suppressed: IISM2003
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        InterlockedIncrement(&s_completed);
        return RQ_NOTIFICATION_CONTINUE;
    }

    /* iism-suppress IISM2003: kept for the ARR front end, which sends the post notification on its own servers */
    REQUEST_NOTIFICATION_STATUS OnPostMapRequestHandler(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override // expect-suppressed: IISM2003
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnLogRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override // expect: IISM2003
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }

private:
    static LONG s_completed;
};

LONG CCacheDecisionModule::s_completed = 0;

class CCacheDecisionFactory : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CCacheDecisionModule();
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
#if defined(CACHEWARM)
    return pModuleInfo->SetRequestNotifications(new CCacheDecisionFactory(), RQ_RESOLVE_REQUEST_CACHE | RQ_END_REQUEST, 0);
#else
    return pModuleInfo->SetRequestNotifications(new CCacheDecisionFactory(), RQ_RESOLVE_REQUEST_CACHE, 0);
#endif
}
