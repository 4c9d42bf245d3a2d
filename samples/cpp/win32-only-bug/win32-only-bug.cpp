// Broken in Win32 only: the 32-bit build also logs the end of each request, but OnEndRequest is only compiled for
// 64-bit. The x64 configurations are fine; the validator analyzes every configuration and finds the Win32 one.
#include "../common/iis_module.h"

class CLegacyModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }

#ifdef _WIN64
    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }
#endif
};

class CLegacyModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CLegacyModule();
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
#ifdef _WIN64
    return pModuleInfo->SetRequestNotifications(new CLegacyModuleFactory(), RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);
#else
    return pModuleInfo->SetRequestNotifications(new CLegacyModuleFactory(), RQ_BEGIN_REQUEST | RQ_END_REQUEST | RQ_LOG_REQUEST, 0); // expect: IISM2001 IISM2001
#endif
}
