// Stand-in for ATL's atlconv.h: the string conversion classes (CW2A, CA2W, ...) and the USES_CONVERSION macros.
#pragma once
#include <atldef.h>

namespace ATL
{
template <int t_nBufferLength = 128>
class CW2AEX
{
public:
    CW2AEX(LPCWSTR psz);
    CW2AEX(LPCWSTR psz, UINT nCodePage);
    ~CW2AEX() noexcept;
    operator LPSTR() const noexcept { return m_psz; }
    LPSTR m_psz;
};

template <int t_nBufferLength = 128>
class CA2WEX
{
public:
    CA2WEX(LPCSTR psz);
    CA2WEX(LPCSTR psz, UINT nCodePage);
    ~CA2WEX() noexcept;
    operator LPWSTR() const noexcept { return m_psz; }
    LPWSTR m_psz;
};

template <int t_nBufferLength = 128>
class CA2AEX
{
public:
    CA2AEX(LPCSTR psz);
    CA2AEX(LPCSTR psz, UINT nCodePage);
    operator LPSTR() const noexcept { return m_psz; }
    LPSTR m_psz;
};

template <int t_nBufferLength = 128>
class CW2WEX
{
public:
    CW2WEX(LPCWSTR psz);
    CW2WEX(LPCWSTR psz, UINT nCodePage);
    operator LPWSTR() const noexcept { return m_psz; }
    LPWSTR m_psz;
};

typedef CW2AEX<> CW2A;
typedef CA2WEX<> CA2W;
typedef CA2AEX<> CA2A;
typedef CW2WEX<> CW2W;
typedef CA2WEX<> CA2CW;
typedef CW2AEX<> CW2CA;
#ifdef _UNICODE
typedef CW2W CW2T;
typedef CW2W CW2CT;
typedef CA2W CA2T;
typedef CA2W CA2CT;
typedef CW2A CT2A;
typedef CW2A CT2CA;
typedef CW2W CT2W;
typedef CW2W CT2CW;
#else
typedef CW2A CW2T;
typedef CW2A CW2CT;
typedef CA2A CA2T;
typedef CA2A CA2CT;
typedef CA2A CT2A;
typedef CA2A CT2CA;
typedef CA2W CT2W;
typedef CA2W CT2CW;
#endif
typedef CT2W CT2OLE;
typedef CW2T COLE2T;

LPWSTR WINAPI AtlA2WHelper(LPWSTR lpw, LPCSTR lpa, int nChars, UINT acp = CP_ACP) noexcept;
LPSTR WINAPI AtlW2AHelper(LPSTR lpa, LPCWSTR lpw, int nChars, UINT acp = CP_ACP) noexcept;
}

#define USES_CONVERSION int _convert = 0; (void)_convert; UINT _acp = CP_ACP; (void)_acp; LPCWSTR _lpw = NULL; (void)_lpw; LPCSTR _lpa = NULL; (void)_lpa
#define A2W(lpa) ((LPWSTR)ATL::AtlA2WHelper((LPWSTR)_alloca((lstrlenA(lpa) + 1) * 2), (lpa), lstrlenA(lpa) + 1, _acp))
#define W2A(lpw) ((LPSTR)ATL::AtlW2AHelper((LPSTR)_alloca((lstrlenW(lpw) + 1) * 2), (lpw), (lstrlenW(lpw) + 1) * 2, _acp))
#define A2CW(lpa) ((LPCWSTR)A2W(lpa))
#define W2CA(lpw) ((LPCSTR)W2A(lpw))
#ifdef _UNICODE
#define T2A W2A
#define A2T A2W
#define T2W(lp) lp
#define W2T(lp) lp
#define T2CA W2CA
#define A2CT A2CW
#else
#define T2W A2W
#define W2T W2A
#define T2A(lp) lp
#define A2T(lp) lp
#define T2CW A2CW
#define W2CT W2CA
#endif
#define OLE2T W2T
#define T2OLE T2W

#ifndef _ATL_NO_AUTOMATIC_NAMESPACE
using namespace ATL;
#endif
