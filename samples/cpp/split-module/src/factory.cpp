#include "split_module.h"

#define RETURN_IF_FAILED(expression) do { HRESULT hrCheck = (expression); if (FAILED(hrCheck)) { return hrCheck; } } while (0)

HRESULT CSplitModuleFactory::GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator)
{
    UNREFERENCED_PARAMETER(pAllocator);
    *ppModule = new CSplitModule();
    return *ppModule != nullptr ? S_OK : E_OUTOFMEMORY;
}

void CSplitModuleFactory::Terminate()
{
    delete this;
}

HRESULT CSplitModuleFactory::Register(IHttpModuleRegistrationInfo* pModuleInfo, bool logEndOfRequest)
{
    // The request mask is built at run time from constants: the union is known, never guessed.
    DWORD requestMask = RQ_BEGIN_REQUEST;
    if (logEndOfRequest)
    {
        requestMask |= RQ_END_REQUEST;
    }

    // A long mask, one notification per line with its reason, as some modules write them.
    const DWORD postMask =
        // After the handler for the request is known:
        //   the module checks that a handler was mapped
        //   and records which one.
        RQ_MAP_REQUEST_HANDLER
        //
        // After logging:
        //   the module flushes its own log
        //   buffer, which must happen after IIS's
        //   logging module has run.
        //
        //   Nothing else is needed after the other
        //   notifications: begin, authenticate,
        //   authorize, resolve cache, acquire and
        //   release state, execute, update cache
        //   and end have no post handler here.
        //
        //   Keep this list in step with the
        //   OnPost* overrides in split_module.h.
        | RQ_LOG_REQUEST
        //
        //   (RQ_SEND_RESPONSE, RQ_MAP_PATH and
        //   RQ_READ_ENTITY have no post event and
        //   must never appear here.)
        ;

    RETURN_IF_FAILED(pModuleInfo->SetRequestNotifications(new CSplitModuleFactory(), requestMask, postMask));
    return S_OK;
}
