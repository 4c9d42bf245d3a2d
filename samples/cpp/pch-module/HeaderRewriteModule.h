#pragma once

// Rewrites response headers on the way out. Declared here, in the header the precompiled stdafx.h pulls in:
// the classes live only in the PCH of every translation unit.
class CHeaderRewriteModule : public CHttpModule
{
public:
    CHeaderRewriteModule();
    ~CHeaderRewriteModule();

    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IN IHttpContext* pHttpContext, IN IHttpEventProvider* pProvider);
    REQUEST_NOTIFICATION_STATUS OnSendResponse(IN IHttpContext* pHttpContext, IN ISendResponseProvider* pProvider);

private:
    DWORD m_cRewritten;
};

class CHeaderRewriteModuleFactory : public IHttpModuleFactory
{
public:
    virtual HRESULT GetHttpModule(OUT CHttpModule** ppModule, IN IModuleAllocator* pAllocator);
    virtual void Terminate();
};
