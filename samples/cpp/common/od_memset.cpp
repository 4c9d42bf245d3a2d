// Unoptimised (/Od) builds zero objects created with 'new T()' through a call to memset, which the optimised builds
// inline. Without a C runtime the samples bring their own; build.sh links it into /Od builds only (not into
// debug-crt, whose memset must come from VCRUNTIME140D.dll).
#include "iis_module.h"

extern "C" void* __cdecl memset(void* _Dst, int _Val, size_t _Size)
{
    auto* bytes = static_cast<unsigned char*>(_Dst);
    for (size_t i = 0; i < _Size; ++i)
    {
        bytes[i] = static_cast<unsigned char>(_Val);
    }
    return _Dst;
}
