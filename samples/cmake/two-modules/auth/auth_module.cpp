// Registers authentication and authorization and forgets the second handler.
#include "contoso_module.h"
#include "auth_policy.h"

class CAuthModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnAuthenticateRequest(IHttpContext*, IAuthenticationProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
};

class CAuthFactory : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override
    {
        *ppModule = new CAuthModule;
        return *ppModule != nullptr ? S_OK : E_OUTOFMEMORY;
    }

    void Terminate() override { delete this; }
};

extern "C" HRESULT WINAPI RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*)
{
    return pModuleInfo->SetRequestNotifications(new CAuthFactory, kAuthNotifications, 0); // expect: IISM2001
}
