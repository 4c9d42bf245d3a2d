// Not a module: a test harness DLL that loads a module and calls its RegisterModule with a registration object of its
// own, the way IIS does. It includes httpserv.h and implements the server's side (IHttpModuleRegistrationInfo), but
// defines no RegisterModule and no module or factory class, so nothing is reported on it (--verbose says why).
#define _WINSOCKAPI_
#include <windows.h>
#include <httpserv.h>

class CRecordingRegistration : public IHttpModuleRegistrationInfo
{
public:
    PCWSTR GetName() const override { return L"HarnessModule"; }
    HTTP_MODULE_ID GetId() const override { return const_cast<CRecordingRegistration*>(this); }

    HRESULT SetRequestNotifications(IHttpModuleFactory* pModuleFactory, DWORD dwRequestNotifications, DWORD dwPostRequestNotifications) override
    {
        m_factory = pModuleFactory;
        m_request = dwRequestNotifications;
        m_post = dwPostRequestNotifications;
        return S_OK;
    }

    HRESULT SetGlobalNotifications(CGlobalModule* pGlobalModule, DWORD dwGlobalNotifications) override
    {
        m_global = pGlobalModule;
        m_globalMask = dwGlobalNotifications;
        return S_OK;
    }

    HRESULT SetPriorityForRequestNotification(DWORD dwRequestNotification, PCWSTR pszPriority) override
    {
        UNREFERENCED_PARAMETER(dwRequestNotification);
        UNREFERENCED_PARAMETER(pszPriority);
        return S_OK;
    }

    HRESULT SetPriorityForGlobalNotification(DWORD dwGlobalNotification, PCWSTR pszPriority) override
    {
        UNREFERENCED_PARAMETER(dwGlobalNotification);
        UNREFERENCED_PARAMETER(pszPriority);
        return S_OK;
    }

    IHttpModuleFactory* m_factory = nullptr;
    CGlobalModule* m_global = nullptr;
    DWORD m_request = 0;
    DWORD m_post = 0;
    DWORD m_globalMask = 0;
};

// Exported through module-host.def: loads a module DLL and reports the request mask it registers.
extern "C" HRESULT WINAPI LoadModuleForTest(PCWSTR modulePath, DWORD* requestMask)
{
    HMODULE module = LoadLibraryW(modulePath);
    if (module == nullptr)
    {
        return HRESULT_FROM_WIN32(GetLastError());
    }
    auto registerModule = reinterpret_cast<PFN_REGISTERMODULE>(GetProcAddress(module, MODULE_REGISTERMODULE));
    if (registerModule == nullptr)
    {
        return HRESULT_FROM_WIN32(ERROR_PROC_NOT_FOUND);
    }
    CRecordingRegistration registration;
    HRESULT hr = registerModule(7, &registration, nullptr);
    *requestMask = registration.m_request;
    return hr;
}
