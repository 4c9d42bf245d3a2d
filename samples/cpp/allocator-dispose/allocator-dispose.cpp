// Broken: the factory builds each module in per-request memory from IModuleAllocator, but the module keeps
// CHttpModule::Dispose, whose 'delete this' hands that memory to operator delete.
#include "../common/iis_module.h"

inline void* __cdecl operator new(size_t, void* place) noexcept
{
    return place;
}

class CRequestLogModule : public CHttpModule // expect: IISM3004
{
public:
    REQUEST_NOTIFICATION_STATUS OnLogRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pHttpContext);
        UNREFERENCED_PARAMETER(pProvider);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CRequestLogModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        void* memory = pAllocator->AllocateMemory(sizeof(CRequestLogModule));
        if (memory == nullptr)
        {
            return E_OUTOFMEMORY;
        }
        *ppModule = new (memory) CRequestLogModule();
        return S_OK;
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
    return pModuleInfo->SetRequestNotifications(new CRequestLogModuleFactory(), RQ_LOG_REQUEST, 0);
}
