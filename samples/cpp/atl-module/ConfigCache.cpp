#include "stdafx.h"
#include "ConfigCache.h"

HRESULT CConfigCacheModule::Initialize(IHttpServer* pServer)
{
    ATLASSERT(pServer != NULL);
    m_admin = pServer->GetAdminManager();
    return m_admin != NULL ? S_OK : E_UNEXPECTED;
}

GLOBAL_NOTIFICATION_STATUS CConfigCacheModule::OnGlobalConfigurationChange(_In_ IGlobalConfigurationChangeProvider* pProvider)
{
    CComCritSecLock<CComAutoCriticalSection> lock(m_lock);
    CStringW path(pProvider->GetChangePath());
    m_values.RemoveKey(path);
    CStringA narrow(CW2A(path.GetString()));
    m_changedPaths.AddTail(narrow);
    return GL_NOTIFICATION_CONTINUE;
}

GLOBAL_NOTIFICATION_STATUS CConfigCacheModule::OnGlobalApplicationStop(_In_ IHttpApplicationStopProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pProvider);
    CComCritSecLock<CComAutoCriticalSection> lock(m_lock);
    m_values.RemoveAll();
    return GL_NOTIFICATION_CONTINUE;
}

void CConfigCacheModule::Terminate()
{
    delete this;
}
