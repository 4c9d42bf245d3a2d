// Broken: a skeleton from a wizard, filled in but never wired up. The class overrides five handlers, yet it is
// registered with empty masks, so IIS calls none of them: one IISM2003 for the class, the handlers related to it.
#define _WINSOCKAPI_
#include <windows.h>
#include <httpserv.h>

class CSkeletonModule : public CHttpModule // expect: IISM2003
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext*, IHttpEventProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
    REQUEST_NOTIFICATION_STATUS OnAuthenticateRequest(IHttpContext*, IAuthenticationProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
    REQUEST_NOTIFICATION_STATUS OnAuthorizeRequest(IHttpContext*, IHttpEventProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
    REQUEST_NOTIFICATION_STATUS OnSendResponse(IHttpContext*, ISendResponseProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext*, IHttpEventProvider*) override { return RQ_NOTIFICATION_CONTINUE; }
};

class CSkeletonFactory : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override
    {
        *ppModule = new CSkeletonModule;
        return *ppModule != nullptr ? S_OK : E_OUTOFMEMORY;
    }

    void Terminate() override { delete this; }
};

extern "C" HRESULT WINAPI RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*)
{
    // TODO: the notifications this module handles.
    return pModuleInfo->SetRequestNotifications(new CSkeletonFactory, 0, 0);
}
