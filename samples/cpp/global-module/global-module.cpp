// A correct global module: application start and stop, exported with the linker option
// /EXPORT:RegisterModule instead of a .def file.
#include "../common/iis_module.h"

class CAppWatchModule final : public CGlobalModule
{
public:
    GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStart(IHttpApplicationStartProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        InterlockedIncrement(&m_runningApplications);
        return GL_NOTIFICATION_CONTINUE;
    }

    GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStop(IHttpApplicationStopProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        InterlockedDecrement(&m_runningApplications);
        return GL_NOTIFICATION_CONTINUE;
    }

    void Terminate() override
    {
        delete this;
    }

private:
    LONG m_runningApplications = 0;
};

extern "C" HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return pModuleInfo->SetGlobalNotifications(new CAppWatchModule(), GL_APPLICATION_START | GL_APPLICATION_STOP);
}
