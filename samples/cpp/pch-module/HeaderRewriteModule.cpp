// HeaderRewriteModule.cpp : the module's request handlers.
#include "stdafx.h"

CHeaderRewriteModule::CHeaderRewriteModule() : m_cRewritten(0)
{
}

CHeaderRewriteModule::~CHeaderRewriteModule()
{
}

REQUEST_NOTIFICATION_STATUS CHeaderRewriteModule::OnBeginRequest(IN IHttpContext* pHttpContext, IN IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pProvider);
    IHttpRequest* pRequest = pHttpContext->GetRequest();
    if (pRequest == NULL)
    {
        return RQ_NOTIFICATION_CONTINUE;
    }
    pRequest->DeleteHeader("X-Forwarded-Host");
    return RQ_NOTIFICATION_CONTINUE;
}

REQUEST_NOTIFICATION_STATUS CHeaderRewriteModule::OnSendResponse(IN IHttpContext* pHttpContext, IN ISendResponseProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pProvider);
    IHttpResponse* pResponse = pHttpContext->GetResponse();
    if (pResponse != NULL && SUCCEEDED(pResponse->DeleteHeader("Server")))
    {
        m_cRewritten++;
    }
    return RQ_NOTIFICATION_CONTINUE;
}
