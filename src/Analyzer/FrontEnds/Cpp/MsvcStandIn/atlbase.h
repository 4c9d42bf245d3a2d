// Stand-in for ATL's atlbase.h: COM smart pointers and critical sections as modules use them.
#pragma once
#include <atldef.h>
#include <atlcomcli.h>
#include <atlconv.h>

namespace ATL
{
class CComCriticalSection
{
public:
    CComCriticalSection() noexcept;
    HRESULT Lock() noexcept;
    HRESULT Unlock() noexcept;
    HRESULT Init() noexcept;
    HRESULT Term() noexcept;
    CRITICAL_SECTION m_sec;
};

class CComAutoCriticalSection : public CComCriticalSection
{
public:
    CComAutoCriticalSection();
    ~CComAutoCriticalSection() noexcept;
};

class CComSafeDeleteCriticalSection : public CComCriticalSection
{
};

class CComAutoDeleteCriticalSection : public CComSafeDeleteCriticalSection
{
};

class CComFakeCriticalSection
{
public:
    HRESULT Lock() noexcept { return S_OK; }
    HRESULT Unlock() noexcept { return S_OK; }
    HRESULT Init() noexcept { return S_OK; }
    HRESULT Term() noexcept { return S_OK; }
};

template <class TLock>
class CComCritSecLock
{
public:
    CComCritSecLock(TLock& cs, bool bInitialLock = true);
    ~CComCritSecLock() noexcept;
    HRESULT Lock();
    void Unlock() noexcept;
};

class CComMultiThreadModel
{
public:
    static ULONG WINAPI Increment(LPLONG p) noexcept { return (ULONG)InterlockedIncrement(p); }
    static ULONG WINAPI Decrement(LPLONG p) noexcept { return (ULONG)InterlockedDecrement(p); }
    typedef CComAutoCriticalSection AutoCriticalSection;
    typedef CComCriticalSection CriticalSection;
};

class CComSingleThreadModel
{
public:
    static ULONG WINAPI Increment(LPLONG p) noexcept { return (ULONG)++(*p); }
    static ULONG WINAPI Decrement(LPLONG p) noexcept { return (ULONG)--(*p); }
    typedef CComFakeCriticalSection AutoCriticalSection;
    typedef CComFakeCriticalSection CriticalSection;
};

inline HRESULT AtlHresultFromLastError() noexcept
{
    DWORD dwErr = ::GetLastError();
    return HRESULT_FROM_WIN32(dwErr);
}

inline HRESULT AtlHresultFromWin32(DWORD nError) noexcept
{
    return HRESULT_FROM_WIN32(nError);
}
}

#ifndef _ATL_NO_AUTOMATIC_NAMESPACE
using namespace ATL;
#endif
