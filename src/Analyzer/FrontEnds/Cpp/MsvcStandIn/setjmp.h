// Stand-in for the MSVC toolset's setjmp.h: the jmp_buf type and setjmp/longjmp, which clang's intrin.h includes.
#pragma once
#include <vcruntime.h>
#if defined(_M_X64) || defined(_M_ARM64)
#define _JBLEN 16
typedef struct _declspec(align(16)) _SETJMP_FLOAT128 { unsigned __int64 Part[2]; } SETJMP_FLOAT128;
typedef SETJMP_FLOAT128 _JBTYPE;
#else
#define _JBLEN 16
#define _JBTYPE int
#endif
typedef _JBTYPE jmp_buf[_JBLEN];
#ifdef __cplusplus
extern "C" {
#endif
int __cdecl _setjmp(jmp_buf _Buf);
__declspec(noreturn) void __cdecl longjmp(jmp_buf _Buf, int _Value);
#ifdef __cplusplus
}
#endif
#define setjmp _setjmp
