#include "RequestLogger.h"

REQUEST_NOTIFICATION_STATUS CRequestLogger::OnBeginRequest(_In_ IHttpContext* pHttpContext, _In_ IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pProvider);
    m_started = GetTickCount64();
    m_entry = std::make_unique<std::wostringstream>();
    PCWSTR url = pHttpContext->GetRequest()->GetRawHttpRequest()->CookedUrl.pFullUrl;
    *m_entry << L"begin " << (url != nullptr ? url : L"-");
    return RQ_NOTIFICATION_CONTINUE;
}

REQUEST_NOTIFICATION_STATUS CRequestLogger::OnLogRequest(_In_ IHttpContext* pHttpContext, _In_ IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pProvider);
    if (!m_entry)
    {
        return RQ_NOTIFICATION_CONTINUE;
    }
    USHORT status = 0;
    pHttpContext->GetResponse()->GetStatus(&status);
    *m_entry << L" status=" << status << L" ms=" << (GetTickCount64() - m_started);
    m_sink->Write(m_entry->str());
    return RQ_NOTIFICATION_CONTINUE;
}

HRESULT CRequestLoggerFactory::GetHttpModule(_Outptr_ CHttpModule** ppModule, _In_ IModuleAllocator* pAllocator)
{
    UNREFERENCED_PARAMETER(pAllocator);
    *ppModule = new (std::nothrow) CRequestLogger(m_sink);
    return *ppModule != nullptr ? S_OK : E_OUTOFMEMORY;
}

// Broken: RQ_END_REQUEST is registered to flush the entry, but CRequestLogger never overrides OnEndRequest.
extern "C" HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    DWORD notifications = RQ_BEGIN_REQUEST | RQ_LOG_REQUEST;
    notifications |= RQ_END_REQUEST;
    return pModuleInfo->SetRequestNotifications(new CRequestLoggerFactory(), notifications, 0); // expect: IISM2001
}
