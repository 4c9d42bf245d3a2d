// Stand-in for the MSVC toolset's vcruntime.h: the macros and types the UCRT and SDK headers use.
#pragma once
#define _VCRUNTIME_H
#include <sal.h>
#include <vadefs.h>

#define _CRT_PACKING 8
#define _VCRT_COMPILER_PREPROCESSOR 1
#define _CRT_BEGIN_C_HEADER __pragma(pack(push, _CRT_PACKING)) extern "C" {
#define _CRT_END_C_HEADER } __pragma(pack(pop))
#ifndef __cplusplus
#undef _CRT_BEGIN_C_HEADER
#undef _CRT_END_C_HEADER
#define _CRT_BEGIN_C_HEADER __pragma(pack(push, _CRT_PACKING))
#define _CRT_END_C_HEADER __pragma(pack(pop))
#endif

#define _VCRTIMP __declspec(dllimport)
#define _VCRT_NOALIAS __declspec(noalias)
#define _VCRT_RESTRICT __declspec(restrict)
#define _VCRT_ALLOCATOR __declspec(allocator)
#define _VCRT_ALIGN(x) __declspec(align(x))
#define _CRT_ALIGN(x) __declspec(align(x))
#define __CRTDECL __cdecl
#define _HAS_EXCEPTIONS 0
#define _CRT_HAS_CXX17 0
#define _HAS_NODISCARD 1
#define _NODISCARD [[nodiscard]]
#define _CRT_STRINGIZE_(x) #x
#define _CRT_STRINGIZE(x) _CRT_STRINGIZE_(x)
#define _CRT_WIDE_(s) L##s
#define _CRT_WIDE(s) _CRT_WIDE_(s)
#define _CRT_CONCATENATE_(a, b) a##b
#define _CRT_CONCATENATE(a, b) _CRT_CONCATENATE_(a, b)
#define _CRT_UNPARENTHESIZE_(...) __VA_ARGS__
#define _CRT_UNPARENTHESIZE(...) _CRT_UNPARENTHESIZE_ __VA_ARGS__
#define _CRT_DEPRECATE_TEXT(_Text) __declspec(deprecated(_Text))
#define _CRT_INSECURE_DEPRECATE(_Replacement)
#define _CRT_INSECURE_DEPRECATE_MEMORY(_Replacement)
#define _CRT_OBSOLETE(_NewItem)
#define _CRT_SECURE_CPP_NOTHROW throw()
#define _CRT_GUARDOVERFLOW
#define _CRT_UNUSED(x) (void)x
#define _VCRUNTIME_DISABLED_WARNINGS
#define _UCRT_DISABLED_WARNINGS
#define _CRT_FUNCTIONS_REQUIRED 1
#define _CRT_HYBRIDPATCHABLE
#define _CRT_NOEXCEPT noexcept
#if defined(_M_X64) || defined(_M_ARM64)
#define _UNALIGNED __unaligned
#else
#define _UNALIGNED
#endif

#ifdef _WIN64
typedef unsigned __int64 size_t;
typedef __int64 ptrdiff_t;
typedef __int64 intptr_t;
typedef unsigned __int64 uintptr_t;
#else
typedef unsigned int size_t;
typedef int ptrdiff_t;
typedef int intptr_t;
typedef unsigned int uintptr_t;
#endif
#ifndef __cplusplus
typedef unsigned short wchar_t;
typedef _Bool __vcrt_bool;
#else
typedef bool __vcrt_bool;
#endif

// C++ gets const-correct overloads of strchr and friends (string.h adds the non-const ones).
#ifdef __cplusplus
#define _CONST_RETURN const
#define _CRT_CONST_CORRECT_OVERLOADS
#else
#define _CONST_RETURN
#endif

#ifndef NULL
#ifdef __cplusplus
#define NULL 0
#else
#define NULL ((void *)0)
#endif
#endif

// The C++ library (libc++ off Windows) needs ::max_align_t, which MSVC's headers define as double.
#ifdef __cplusplus
typedef double max_align_t;
#endif
