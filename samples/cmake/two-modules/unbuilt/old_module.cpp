// Would be IISM2001 and IISM4001, were it built.
#include "../common/include/contoso_module.h"

class COldModule : public CHttpModule
{
};

class COldFactory : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override { *ppModule = new COldModule; return S_OK; }
    void Terminate() override { delete this; }
};

extern "C" HRESULT WINAPI RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*)
{
    return pModuleInfo->SetRequestNotifications(new COldFactory, RQ_BEGIN_REQUEST, 0);
}
