#pragma once
#define _WINSOCKAPI_
#include <windows.h>
#include <httpserv.h>

// Compresses responses; the gzip handler exists only when the project defines COMPRESS_GZIP.
class CCompressionModule : public CHttpModule
{
public:
#ifdef COMPRESS_GZIP
    REQUEST_NOTIFICATION_STATUS OnSendResponse(IN IHttpContext* pHttpContext, IN ISendResponseProvider* pProvider);
#endif
    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IN IHttpContext* pHttpContext, IN IHttpEventProvider* pProvider);
};

class CCompressionModuleFactory : public IHttpModuleFactory
{
public:
    HRESULT GetHttpModule(OUT CHttpModule** ppModule, IN IModuleAllocator* pAllocator);
    void Terminate() { delete this; }
};
