// A correct module that uses what the Windows SDK alone does not provide: <string> from the Visual C++ toolset
// (missing on Linux, so clang reports errors and the analysis is degraded, said in a notification) and
// function-try-blocks that catch everything at the boundary. Source only: it needs the C++ runtime to link.
#include "../common/iis_module.h"
#include <string>

class CGreetingModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    try
    {
        UNREFERENCED_PARAMETER(pProvider);
        std::string greeting = "hello";
        pHttpContext->GetResponse()->SetHeader("X-Greeting", greeting.c_str(), static_cast<USHORT>(greeting.size()), TRUE);
        return RQ_NOTIFICATION_CONTINUE;
    }
    catch (...)
    {
        return RQ_NOTIFICATION_FINISH_REQUEST;
    }
};

class CGreetingModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CGreetingModule();
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
    return pModuleInfo->SetRequestNotifications(new CGreetingModuleFactory(), RQ_BEGIN_REQUEST, 0);
}
