// Broken: imports memset from VCRUNTIME140D.dll, the debug C runtime of a /MDd build, which
// production servers do not have: the module fails to load with "module not found".
#include "../common/iis_module.h"

class CBufferModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        char buffer[64];
        memset(buffer, 0, sizeof(buffer));
        pHttpContext->GetResponse()->SetHeader("X-Buffer", buffer, 0, TRUE);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CBufferModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CBufferModule();
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
    return pModuleInfo->SetRequestNotifications(new CBufferModuleFactory(), RQ_BEGIN_REQUEST, 0);
}
