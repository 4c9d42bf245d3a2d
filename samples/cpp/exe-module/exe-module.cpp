// Broken: linked as an executable (/SUBSYSTEM:CONSOLE, no /DLL) into exe-module.dll although it exports
// RegisterModule; IIS loads modules with LoadLibrary and needs a DLL.
#include "../common/begin_request_module.h"

extern "C" HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return RegisterBeginRequestModule(pModuleInfo);
}

extern "C" int __cdecl ModuleMain()
{
    return 0;
}
