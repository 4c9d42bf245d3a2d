#pragma once

// Watches configuration changes and keeps a per-site cache; a global module written with ATL, as many
// product modules from the IIS 7 era are.
class CConfigCacheModule : public CGlobalModule
{
public:
    GLOBAL_NOTIFICATION_STATUS OnGlobalConfigurationChange(_In_ IGlobalConfigurationChangeProvider* pProvider) override;
    GLOBAL_NOTIFICATION_STATUS OnGlobalApplicationStop(_In_ IHttpApplicationStopProvider* pProvider) override;
    void Terminate() override;

    HRESULT Initialize(IHttpServer* pServer);

private:
    CComAutoCriticalSection m_lock;
    CAtlMap<CStringW, CComBSTR> m_values;
    CAtlList<CStringA> m_changedPaths;
    CComPtr<IAppHostAdminManager> m_admin;
};
