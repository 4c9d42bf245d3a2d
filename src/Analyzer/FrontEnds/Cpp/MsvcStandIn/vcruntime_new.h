// Stand-in for the MSVC toolset's vcruntime_new.h: placement new and the allocation operators.
#pragma once
#include <vcruntime.h>
#ifdef __cplusplus
#include <new>
#endif
