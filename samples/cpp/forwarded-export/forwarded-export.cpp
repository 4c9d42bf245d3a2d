// Broken: forwarded-export.def forwards RegisterModule to another DLL (ModuleHost.dll), so this
// file is not the module: IIS would load whatever ModuleHost.dll is on the search path.
#include "../common/iis_module.h"

extern "C" DWORD WINAPI GetModuleBuildNumber()
{
    return 7;
}
