// Broken: a priority for RQ_END_REQUEST, which is not registered; an alias "TOP" that IIS does not know; and a
// priority for RQ_SEND_RESPONSE, where IIS runs modules in reverse priority order (a note).
#include "../common/iis_module.h"

class CCompressionModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }

    REQUEST_NOTIFICATION_STATUS OnSendResponse(IHttpContext* pHttpContext, ISendResponseProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CCompressionModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CCompressionModule();
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
    HRESULT hr = pModuleInfo->SetRequestNotifications(new CCompressionModuleFactory(), RQ_BEGIN_REQUEST | RQ_SEND_RESPONSE, 0);
    if (FAILED(hr))
    {
        return hr;
    }
    pModuleInfo->SetPriorityForRequestNotification(RQ_END_REQUEST, PRIORITY_ALIAS_LOW); // expect: IISM2006
    pModuleInfo->SetPriorityForRequestNotification(RQ_BEGIN_REQUEST, L"TOP"); // expect: IISM2006
    return pModuleInfo->SetPriorityForRequestNotification(RQ_SEND_RESPONSE, PRIORITY_ALIAS_HIGH); // expect: IISM2006
}
