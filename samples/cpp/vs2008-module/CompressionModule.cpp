// CompressionModule.cpp © 2009 Contoso. Saved by Visual Studio 2008 in the ANSI code page.
#include "CompressionModule.h"
#include <new>

// From the VC6 ISAPI filter this module replaced: C++17 removed both the exception specification and `register`.
static BYTE* AllocateWindow(DWORD cb) throw(std::bad_alloc)
{
    return new BYTE[cb];
}

static DWORD Adler32(const BYTE* pb, DWORD cb)
{
    register DWORD a = 1, b = 0;
    for (register DWORD i = 0; i < cb; i++)
    {
        a = (a + pb[i]) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

#ifdef COMPRESS_GZIP
REQUEST_NOTIFICATION_STATUS CCompressionModule::OnSendResponse(IN IHttpContext* pHttpContext, IN ISendResponseProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pProvider);
    pHttpContext->GetResponse()->SetHeader(HttpHeaderContentEncoding, "gzip", 4, TRUE);
    return RQ_NOTIFICATION_CONTINUE;
}
#endif

REQUEST_NOTIFICATION_STATUS CCompressionModule::OnBeginRequest(IN IHttpContext* pHttpContext, IN IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pHttpContext);
    UNREFERENCED_PARAMETER(pProvider);
    return RQ_NOTIFICATION_CONTINUE;
}

HRESULT CCompressionModuleFactory::GetHttpModule(OUT CHttpModule** ppModule, IN IModuleAllocator* pAllocator)
{
    UNREFERENCED_PARAMETER(pAllocator);
    *ppModule = new CCompressionModule();
    return *ppModule != NULL ? S_OK : E_OUTOFMEMORY;
}

// Broken: RQ_MAP_PATH is registered, but no OnMapPath handler exists.
HRESULT __stdcall RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return pModuleInfo->SetRequestNotifications(new CCompressionModuleFactory(), RQ_BEGIN_REQUEST | RQ_SEND_RESPONSE | RQ_MAP_PATH, 0); // expect: IISM2001
}
