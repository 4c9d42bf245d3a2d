#include "stdafx.h"
#include "OutputCacheModule.h"

REQUEST_NOTIFICATION_STATUS COutputCacheModule::OnResolveRequestCache(IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pProvider);
    HTTP_REQUEST* raw = pHttpContext->GetRequest()->GetRawHttpRequest();
    CacheEntry entry;
    if (!m_store.TryGet(NormalizeCacheKey(raw->pRawUrl, raw->RawUrlLength), entry))
    {
        return RQ_NOTIFICATION_CONTINUE;
    }
    IHttpResponse* response = pHttpContext->GetResponse();
    response->SetHeader(HttpHeaderContentType, entry.ContentType.c_str(), static_cast<USHORT>(entry.ContentType.size()), TRUE);
    HTTP_DATA_CHUNK chunk;
    chunk.DataChunkType = HttpDataChunkFromMemory;
    chunk.FromMemory.pBuffer = const_cast<char*>(entry.Body.data());
    chunk.FromMemory.BufferLength = static_cast<ULONG>(entry.Body.size());
    DWORD sent = 0;
    response->WriteEntityChunks(&chunk, 1, FALSE, FALSE, &sent);
    TraceCache("OutputCache: hit, %lu bytes\n", sent);
    return RQ_NOTIFICATION_FINISH_REQUEST;
}

REQUEST_NOTIFICATION_STATUS COutputCacheModule::OnUpdateRequestCache(IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pHttpContext);
    UNREFERENCED_PARAMETER(pProvider);
    m_store.Purge();
    return RQ_NOTIFICATION_CONTINUE;
}

HRESULT COutputCacheModuleFactory::GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator)
{
    UNREFERENCED_PARAMETER(pAllocator);
    COutputCacheModule* module = new (std::nothrow) COutputCacheModule(m_store);
    if (module == NULL)
    {
        return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
    }
    *ppModule = module;
    return S_OK;
}
