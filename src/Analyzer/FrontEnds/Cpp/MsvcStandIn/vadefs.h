// Stand-in for the MSVC toolset's vadefs.h; clang's own vadefs.h wraps this one.
#pragma once
#define _VADEFS_DEFINED
typedef char* va_list;
#define _crt_va_start(ap, v) __builtin_va_start(ap, v)
#define _crt_va_arg(ap, t) __builtin_va_arg(ap, t)
#define _crt_va_end(ap) __builtin_va_end(ap)
#define __crt_va_start(ap, v) __builtin_va_start(ap, v)
#define __crt_va_arg(ap, t) __builtin_va_arg(ap, t)
#define __crt_va_end(ap) __builtin_va_end(ap)
