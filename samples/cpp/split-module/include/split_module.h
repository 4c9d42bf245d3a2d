// A correct module spread over files the way real ones are: the classes here, the handlers in
// src/handlers.cpp, the registration in a static factory method in src/factory.cpp, RegisterModule in
// src/register.cpp. src/stray.cpp is not in the project and must not be analyzed.
#pragma once
#include "../../common/iis_module.h"

class CSplitModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;
    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;
    REQUEST_NOTIFICATION_STATUS OnPostMapRequestHandler(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;
    REQUEST_NOTIFICATION_STATUS OnPostLogRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;
};

class CSplitModuleFactory final : public IHttpModuleFactory
{
public:
    static HRESULT Register(IHttpModuleRegistrationInfo* pModuleInfo, bool logEndOfRequest);

    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override;
    void Terminate() override;
};
