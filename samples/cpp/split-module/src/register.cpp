#include "split_module.h"

extern "C" HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return CSplitModuleFactory::Register(pModuleInfo, dwServerVersion >= 7);
}
