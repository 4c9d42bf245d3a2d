// The little a C++ module needs when it links without a C runtime: operator new/delete on the
// process heap and the pure-virtual-call handler. Linked into every sample module.
#include "iis_module.h"

void* __cdecl operator new(size_t size)
{
    return HeapAlloc(GetProcessHeap(), 0, size);
}

void __cdecl operator delete(void* pointer) noexcept
{
    if (pointer != nullptr)
    {
        HeapFree(GetProcessHeap(), 0, pointer);
    }
}

void __cdecl operator delete(void* pointer, size_t) noexcept
{
    operator delete(pointer);
}

extern "C" int __cdecl _purecall()
{
    DebugBreak();
    return 0;
}
