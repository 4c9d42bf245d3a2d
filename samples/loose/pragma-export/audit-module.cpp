// Exports RegisterModule through the linker pragma, so its C++ linkage is no defect; but it registers RQ_END_REQUEST
// and never overrides OnEndRequest.
#define _WINSOCKAPI_
#include <windows.h>
#include <httpserv.h>

#pragma comment(linker, "/EXPORT:RegisterModule")

class CAuditModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CAuditModuleFactory : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CAuditModule;
        return *ppModule != NULL ? S_OK : E_OUTOFMEMORY;
    }

    void Terminate() override
    {
        delete this;
    }
};

HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return pModuleInfo->SetRequestNotifications(new CAuditModuleFactory, RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0); // expect: IISM2001
}
