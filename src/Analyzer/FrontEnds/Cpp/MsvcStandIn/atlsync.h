// Stand-in for ATL's atlsync.h: the event and mutex wrappers over their Win32 handles.
#pragma once
#include <atlbase.h>

namespace ATL
{
class CHandle
{
public:
    CHandle() noexcept : m_h(NULL) {}
    explicit CHandle(HANDLE h) noexcept : m_h(h) {}
    ~CHandle() noexcept;
    operator HANDLE() const noexcept { return m_h; }
    void Attach(HANDLE h) noexcept { m_h = h; }
    HANDLE Detach() noexcept
    {
        HANDLE h = m_h;
        m_h = NULL;
        return h;
    }
    void Close() noexcept;
    HANDLE m_h;
};

class CEvent : public CHandle
{
public:
    CEvent() noexcept {}
    CEvent(BOOL bManualReset, BOOL bInitialState);
    BOOL Create(LPSECURITY_ATTRIBUTES pSecurity, BOOL bManualReset, BOOL bInitialState, LPCTSTR pszName) noexcept;
    BOOL Set() noexcept;
    BOOL Reset() noexcept;
};

class CMutex : public CHandle
{
public:
    CMutex() noexcept {}
    explicit CMutex(BOOL bInitialOwner);
    BOOL Create(LPSECURITY_ATTRIBUTES pSecurity, BOOL bInitialOwner, LPCTSTR pszName) noexcept;
    BOOL Release() noexcept;
};
}

#ifndef _ATL_NO_AUTOMATIC_NAMESPACE
using namespace ATL;
#endif
