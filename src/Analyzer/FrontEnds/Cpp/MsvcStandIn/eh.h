// Stand-in for the MSVC toolset's eh.h: C++ exception-handling callbacks the SDK headers mention.
#pragma once
#include <vcruntime.h>
#ifdef __cplusplus
typedef void(__cdecl* terminate_handler)(void);
typedef void(__cdecl* terminate_function)(void);
typedef void(__cdecl* unexpected_handler)(void);
struct _EXCEPTION_POINTERS;
typedef void(__cdecl* _se_translator_function)(unsigned int, struct _EXCEPTION_POINTERS*);
extern "C" {
_se_translator_function __cdecl _set_se_translator(_se_translator_function _NewSETranslator);
}
#endif
