#pragma once
#include "contoso_module.h"

class CLoggerModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnLogRequest(IHttpContext*, IHttpEventProvider*) override;
    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext*, IHttpEventProvider*) override;
};

class CLoggerFactory : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override
    {
        *ppModule = new CLoggerModule;
        return *ppModule != nullptr ? S_OK : E_OUTOFMEMORY;
    }

    void Terminate() override { delete this; }
};
