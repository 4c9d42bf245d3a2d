// Stand-in for the MSVC toolset's vcruntime_new_debug.h: the debug-heap operator new overloads.
#pragma once
#include <vcruntime_new.h>
#ifdef __cplusplus
void* __cdecl operator new(size_t _Size, int _BlockUse, char const* _FileName, int _LineNumber);
void* __cdecl operator new[](size_t _Size, int _BlockUse, char const* _FileName, int _LineNumber);
#endif
