#include "LoggingModule.h"

REQUEST_NOTIFICATION_STATUS CLoggingModule::OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pHttpContext);
    UNREFERENCED_PARAMETER(pProvider);
    return RQ_NOTIFICATION_CONTINUE;
}

#ifdef LOGGING_HAS_END_HANDLER
REQUEST_NOTIFICATION_STATUS CLoggingModule::OnEndRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pHttpContext);
    UNREFERENCED_PARAMETER(pProvider);
    return RQ_NOTIFICATION_CONTINUE;
}
#endif

#if LOGGING_MODULE_TRACE
REQUEST_NOTIFICATION_STATUS CLoggingModule::OnLogRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pHttpContext);
    UNREFERENCED_PARAMETER(pProvider);
    return RQ_NOTIFICATION_CONTINUE;
}
#endif

HRESULT CLoggingModuleFactory::GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator)
{
    UNREFERENCED_PARAMETER(pAllocator);
    *ppModule = new CLoggingModule();
    return *ppModule != nullptr ? S_OK : E_OUTOFMEMORY;
}

// Correct: every registered notification has its handler once the sheets' defines apply; the .def comes from
// build\Module.props.
extern "C" HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return pModuleInfo->SetRequestNotifications(new CLoggingModuleFactory(), RQ_BEGIN_REQUEST | RQ_END_REQUEST | RQ_LOG_REQUEST, 0);
}
