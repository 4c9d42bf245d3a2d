// Broken: handlers that look like overrides but are not. OnMapPath takes IHttpEventProvider* instead of
// IMapPathProvider*, OnEndReqest is misspelt, OnLogRequest is const; all three are registered, so IIS calls the
// DebugBreak() defaults. OnAuthenticateRequest has the wrong provider too but is not registered (a warning).
// OnBeginRequest uses a typedef of the right type and does override.
#include "../common/iis_module.h"

typedef IHttpEventProvider EventProvider;

class CRewriteModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, EventProvider* pProvider)
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnMapPath(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) // expect: IISM2002
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnEndReqest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) // expect: IISM2002
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnLogRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) const // expect: IISM2002
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnAuthenticateRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) // expect: IISM2002
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CRewriteModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CRewriteModule();
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
    return pModuleInfo->SetRequestNotifications(new CRewriteModuleFactory(), // expect: IISM2001 IISM2001 IISM2001
        RQ_BEGIN_REQUEST | RQ_MAP_PATH | RQ_END_REQUEST | RQ_LOG_REQUEST, 0);
}
