// A small, correct request module shared by the samples that differ only in how (or whether)
// RegisterModule is exported. Each of those samples defines RegisterModule itself and calls
// RegisterBeginRequestModule from it.
#pragma once
#include "iis_module.h"

class CBeginRequestModule : public CHttpModule
{
public:
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override
    {
        UNREFERENCED_PARAMETER(pProvider);
        pHttpContext->GetResponse()->SetHeader("X-Begin", "1", 1, TRUE);
        return RQ_NOTIFICATION_CONTINUE;
    }
};

class CBeginRequestModuleFactory final : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override
    {
        UNREFERENCED_PARAMETER(pAllocator);
        *ppModule = new CBeginRequestModule();
        return *ppModule != nullptr ? S_OK : E_OUTOFMEMORY;
    }

    void Terminate() override
    {
        delete this;
    }
};

inline HRESULT RegisterBeginRequestModule(IHttpModuleRegistrationInfo* pModuleInfo)
{
    return pModuleInfo->SetRequestNotifications(new CBeginRequestModuleFactory(), RQ_BEGIN_REQUEST, 0);
}
