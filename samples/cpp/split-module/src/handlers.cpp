#include "split_module.h"

REQUEST_NOTIFICATION_STATUS CSplitModule::OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pProvider);
    pHttpContext->GetResponse()->SetHeader("X-Split", "begin", 5, TRUE);
    return RQ_NOTIFICATION_CONTINUE;
}

REQUEST_NOTIFICATION_STATUS CSplitModule::OnEndRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pHttpContext);
    UNREFERENCED_PARAMETER(pProvider);
    return RQ_NOTIFICATION_CONTINUE;
}

REQUEST_NOTIFICATION_STATUS CSplitModule::OnPostMapRequestHandler(IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pHttpContext);
    UNREFERENCED_PARAMETER(pProvider);
    return RQ_NOTIFICATION_CONTINUE;
}

REQUEST_NOTIFICATION_STATUS CSplitModule::OnPostLogRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
{
    UNREFERENCED_PARAMETER(pHttpContext);
    UNREFERENCED_PARAMETER(pProvider);
    return RQ_NOTIFICATION_CONTINUE;
}
