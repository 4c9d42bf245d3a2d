#pragma once
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <httpserv.h>

// Which handlers exist depends on defines that only the property sheets set.
class CLoggingModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;
#ifdef LOGGING_HAS_END_HANDLER
    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;
#endif
#if LOGGING_MODULE_TRACE
    REQUEST_NOTIFICATION_STATUS OnLogRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;
#endif
};

class CLoggingModuleFactory : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override;
    void Terminate() override { delete this; }
};
