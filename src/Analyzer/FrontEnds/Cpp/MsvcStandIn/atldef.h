// Stand-in for ATL's atldef.h (ATL is part of Visual C++ and not redistributable): the macros and types that modules
// and the rest of these stand-ins use. Declarations for parsing, not an implementation.
#pragma once
#ifndef __cplusplus
#error ATL requires C++ compilation
#endif
#include <windows.h>
#include <ole2.h>
#include <oleauto.h>

#define _ATL_VER 0x0E00
#define ATLASSERT(expr) ((void)0)
#define ATLVERIFY(expr) ((void)(expr))
#define ATLENSURE(expr) ((void)(expr))
#define ATLENSURE_RETURN(expr) ((void)(expr))
#define ATLENSURE_THROW(expr, hr) ((void)(expr))
#define ATLTRACE(...) ((void)0)
#define ATLTRACE2(...) ((void)0)
#define ATLTRY(x) x;
#define ATL_NO_VTABLE __declspec(novtable)
#define ATLAPI HRESULT __stdcall
#define ATLAPI_(x) x __stdcall
#define ATLINLINE inline
#define AtlThrow(hr) ((void)(hr))

namespace ATL
{
struct __POSITION
{
};
}
typedef ATL::__POSITION* POSITION;
