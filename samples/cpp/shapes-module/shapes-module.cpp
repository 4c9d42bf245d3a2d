// A correct module in shapes that trip up simple readers: one class that is both factory and module (a singleton
// with an empty Dispose), OVERRIDE and __override macros, unnamed parameters, #if/#else alternative definitions
// (only the active one counts), a global module with a private non-copyable base first, and registration calls
// wrapped in a CHECK macro.
#include "../common/iis_module.h"

#define OVERRIDE override
#define CHECK(expression) do { HRESULT hrCheck = (expression); if (FAILED(hrCheck)) { return hrCheck; } } while (0)
#define USE_PROVIDER_TYPES 1

class NonCopyable
{
protected:
    NonCopyable() = default;
    NonCopyable(const NonCopyable&) = delete;
    NonCopyable& operator=(const NonCopyable&) = delete;
};

class CSingletonModule : public CHttpModule, public IHttpModuleFactory
{
public:
    __override REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext*, IHttpEventProvider*) OVERRIDE
    {
        return RQ_NOTIFICATION_CONTINUE;
    }

#if USE_PROVIDER_TYPES
    REQUEST_NOTIFICATION_STATUS OnAuthenticateRequest(IHttpContext*, IAuthenticationProvider*) OVERRIDE
    {
        return RQ_NOTIFICATION_CONTINUE;
    }
#else
    REQUEST_NOTIFICATION_STATUS OnAuthenticateRequest(IHttpContext*, IHttpEventProvider*)
    {
        return RQ_NOTIFICATION_CONTINUE;
    }
#endif

    // One instance serves every request: IIS must not delete it.
    VOID Dispose() OVERRIDE
    {
    }

    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) OVERRIDE
    {
        *ppModule = this;
        return S_OK;
    }

    VOID Terminate() OVERRIDE
    {
    }
};

class CConfigWatcher final : NonCopyable, public CGlobalModule
{
public:
    GLOBAL_NOTIFICATION_STATUS OnGlobalConfigurationChange(IGlobalConfigurationChangeProvider*) OVERRIDE
    {
        return GL_NOTIFICATION_CONTINUE;
    }

    GLOBAL_NOTIFICATION_STATUS OnGlobalStopListening(IGlobalStopListeningProvider*) OVERRIDE
    {
        return GL_NOTIFICATION_HANDLED;
    }

    VOID Terminate() OVERRIDE
    {
        delete this;
    }
};

static CSingletonModule* g_module = nullptr;

extern "C" HRESULT WINAPI RegisterModule(DWORD, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer*)
{
    g_module = new CSingletonModule();
    CHECK(pModuleInfo->SetRequestNotifications(g_module, RQ_BEGIN_REQUEST | RQ_AUTHENTICATE_REQUEST, 0));
    CHECK(pModuleInfo->SetGlobalNotifications(new CConfigWatcher(), GL_CONFIGURATION_CHANGE | GL_STOP_LISTENING));
    return S_OK;
}
