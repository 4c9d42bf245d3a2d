// Broken: RegisterModule without WINAPI. x64 does not care, but on x86 IIS calls it as __stdcall and the cdecl
// function leaves its 12 bytes of arguments on the stack.
#include "../common/begin_request_module.h"

extern "C" HRESULT RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo) // expect: IISM4003
{
    UNREFERENCED_PARAMETER(dwServerVersion);
    UNREFERENCED_PARAMETER(pGlobalInfo);
    return RegisterBeginRequestModule(pModuleInfo);
}
