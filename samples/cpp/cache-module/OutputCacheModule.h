#pragma once
#include "CacheStore.h"

class COutputCacheModule : public CHttpModule
{
public:
    explicit COutputCacheModule(CacheStore& store) : m_store(store) {}

    REQUEST_NOTIFICATION_STATUS OnResolveRequestCache(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;
    REQUEST_NOTIFICATION_STATUS OnUpdateRequestCache(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;

private:
    CacheStore& m_store;
};

class COutputCacheModuleFactory : public IHttpModuleFactory
{
public:
    COutputCacheModuleFactory() : m_store(std::chrono::seconds(60)) {}

    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override;
    void Terminate() override { delete this; }

private:
    CacheStore m_store;
};
