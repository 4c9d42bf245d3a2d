// Stand-in for ATL's atlcomcli.h: CComPtr, CComQIPtr, CComBSTR, CComVariant.
#pragma once
#include <atldef.h>

namespace ATL
{
template <class T>
class CComPtrBase
{
protected:
    CComPtrBase() noexcept : p(NULL) {}
    CComPtrBase(T* lp) noexcept : p(lp)
    {
        if (p != NULL)
        {
            p->AddRef();
        }
    }

public:
    typedef T _PtrClass;
    ~CComPtrBase() noexcept
    {
        if (p)
        {
            p->Release();
        }
    }
    operator T*() const noexcept { return p; }
    T& operator*() const { return *p; }
    T** operator&() noexcept { return &p; }
    T* operator->() const noexcept { return p; }
    bool operator!() const noexcept { return p == NULL; }
    bool operator<(T* pT) const noexcept { return p < pT; }
    bool operator!=(T* pT) const { return !operator==(pT); }
    bool operator==(T* pT) const noexcept { return p == pT; }
    void Release() noexcept
    {
        T* pTemp = p;
        if (pTemp)
        {
            p = NULL;
            pTemp->Release();
        }
    }
    bool IsEqualObject(IUnknown* pOther) noexcept;
    void Attach(T* p2) noexcept
    {
        if (p)
        {
            p->Release();
        }
        p = p2;
    }
    T* Detach() noexcept
    {
        T* pt = p;
        p = NULL;
        return pt;
    }
    HRESULT CopyTo(T** ppT) noexcept
    {
        if (ppT == NULL)
        {
            return E_POINTER;
        }
        *ppT = p;
        if (p)
        {
            p->AddRef();
        }
        return S_OK;
    }
    HRESULT CoCreateInstance(REFCLSID rclsid, LPUNKNOWN pUnkOuter = NULL, DWORD dwClsContext = CLSCTX_ALL) noexcept
    {
        return ::CoCreateInstance(rclsid, pUnkOuter, dwClsContext, __uuidof(T), (void**)&p);
    }
    HRESULT CoCreateInstance(LPCOLESTR szProgID, LPUNKNOWN pUnkOuter = NULL, DWORD dwClsContext = CLSCTX_ALL) noexcept;
    template <class Q>
    HRESULT QueryInterface(Q** pp) const noexcept
    {
        return p->QueryInterface(__uuidof(Q), (void**)pp);
    }
    T* p;
};

template <class T>
class CComPtr : public CComPtrBase<T>
{
public:
    CComPtr() noexcept {}
    CComPtr(T* lp) noexcept : CComPtrBase<T>(lp) {}
    CComPtr(const CComPtr<T>& lp) noexcept : CComPtrBase<T>(lp.p) {}
    CComPtr(CComPtr<T>&& lp) noexcept : CComPtrBase<T>() { lp.Swap(*this); }
    T* operator=(T* lp) noexcept
    {
        if (*this != lp)
        {
            CComPtr(lp).Swap(*this);
        }
        return *this;
    }
    T* operator=(const CComPtr<T>& lp) noexcept
    {
        if (*this != lp)
        {
            CComPtr(lp).Swap(*this);
        }
        return *this;
    }
    CComPtr<T>& operator=(CComPtr<T>&& lp) noexcept
    {
        if (*this != lp)
        {
            CComPtr(static_cast<CComPtr&&>(lp)).Swap(*this);
        }
        return *this;
    }
    void Swap(CComPtr& other) noexcept
    {
        T* pTemp = this->p;
        this->p = other.p;
        other.p = pTemp;
    }
};

template <class T, const IID* piid = &__uuidof(T)>
class CComQIPtr : public CComPtr<T>
{
public:
    CComQIPtr() noexcept {}
    CComQIPtr(T* lp) noexcept : CComPtr<T>(lp) {}
    CComQIPtr(const CComQIPtr<T, piid>& lp) noexcept : CComPtr<T>(lp.p) {}
    CComQIPtr(IUnknown* lp) noexcept
    {
        if (lp != NULL)
        {
            lp->QueryInterface(*piid, (void**)&this->p);
        }
    }
};

class CComBSTR
{
public:
    BSTR m_str;

    CComBSTR() noexcept : m_str(NULL) {}
    CComBSTR(int nSize);
    CComBSTR(int nSize, LPCOLESTR sz);
    CComBSTR(LPCOLESTR pSrc);
    CComBSTR(LPCSTR pSrc);
    CComBSTR(const CComBSTR& src);
    CComBSTR(CComBSTR&& src) noexcept;
    CComBSTR(REFGUID guid);
    ~CComBSTR() noexcept { ::SysFreeString(m_str); }
    CComBSTR& operator=(const CComBSTR& src);
    CComBSTR& operator=(LPCOLESTR pSrc);
    CComBSTR& operator=(LPCSTR pSrc);
    CComBSTR& operator=(CComBSTR&& src) noexcept;
    unsigned int Length() const noexcept { return ::SysStringLen(m_str); }
    unsigned int ByteLength() const noexcept { return ::SysStringByteLen(m_str); }
    operator BSTR() const noexcept { return m_str; }
    BSTR* operator&() noexcept { return &m_str; }
    BSTR Copy() const noexcept { return ::SysAllocStringByteLen((char*)m_str, ::SysStringByteLen(m_str)); }
    HRESULT CopyTo(BSTR* pbstr) const noexcept;
    void Attach(BSTR src) noexcept;
    BSTR Detach() noexcept
    {
        BSTR s = m_str;
        m_str = NULL;
        return s;
    }
    void Empty() noexcept
    {
        ::SysFreeString(m_str);
        m_str = NULL;
    }
    bool operator!() const noexcept { return m_str == NULL; }
    HRESULT Append(const CComBSTR& bstrSrc) noexcept;
    HRESULT Append(LPCOLESTR lpsz) noexcept;
    HRESULT Append(LPCSTR lpsz) noexcept;
    HRESULT Append(wchar_t ch) noexcept;
    HRESULT Append(char ch) noexcept;
    HRESULT Append(LPCOLESTR lpsz, int nLen) noexcept;
    HRESULT AppendBSTR(BSTR p) noexcept;
    HRESULT AppendBytes(const char* lpsz, int nLen) noexcept;
    HRESULT ToLower() noexcept;
    HRESULT ToUpper() noexcept;
    bool LoadString(HINSTANCE hInst, UINT nID) noexcept;
    bool LoadString(UINT nID) noexcept;
    CComBSTR& operator+=(const CComBSTR& bstrSrc);
    CComBSTR& operator+=(LPCOLESTR pszSrc);
    bool operator<(const CComBSTR& bstrSrc) const noexcept;
    bool operator==(const CComBSTR& bstrSrc) const noexcept;
    bool operator==(LPCOLESTR pszSrc) const;
    bool operator!=(const CComBSTR& bstrSrc) const noexcept;
    bool operator!=(LPCOLESTR pszSrc) const;
    HRESULT WriteToStream(IStream* pStream) noexcept;
    HRESULT ReadFromStream(IStream* pStream) noexcept;
};

class CComVariant : public tagVARIANT
{
public:
    CComVariant() noexcept { ::VariantInit(this); }
    ~CComVariant() noexcept { Clear(); }
    CComVariant(const VARIANT& varSrc);
    CComVariant(const CComVariant& varSrc);
    CComVariant(LPCOLESTR lpszSrc);
    CComVariant(LPCSTR lpszSrc);
    CComVariant(bool bSrc);
    CComVariant(int nSrc, VARTYPE vtSrc = VT_I4) noexcept;
    CComVariant(BYTE nSrc) noexcept;
    CComVariant(short nSrc) noexcept;
    CComVariant(long nSrc, VARTYPE vtSrc = VT_I4) noexcept;
    CComVariant(float fltSrc) noexcept;
    CComVariant(double dblSrc, VARTYPE vtSrc = VT_R8) noexcept;
    CComVariant(LONGLONG nSrc) noexcept;
    CComVariant(ULONGLONG nSrc) noexcept;
    CComVariant(unsigned int nSrc, VARTYPE vtSrc = VT_UI4) noexcept;
    CComVariant(unsigned long nSrc) noexcept;
    CComVariant(IDispatch* pSrc) noexcept;
    CComVariant(IUnknown* pSrc) noexcept;
    CComVariant& operator=(const CComVariant& varSrc);
    CComVariant& operator=(const VARIANT& varSrc);
    CComVariant& operator=(LPCOLESTR lpszSrc);
    CComVariant& operator=(LPCSTR lpszSrc);
    CComVariant& operator=(bool bSrc);
    CComVariant& operator=(int nSrc) noexcept;
    CComVariant& operator=(long nSrc) noexcept;
    CComVariant& operator=(IUnknown* pSrc) noexcept;
    bool operator==(const VARIANT& varSrc) const noexcept;
    bool operator!=(const VARIANT& varSrc) const noexcept;
    HRESULT Clear() { return ::VariantClear(this); }
    HRESULT Copy(const VARIANT* pSrc) { return ::VariantCopy(this, const_cast<VARIANT*>(pSrc)); }
    HRESULT CopyTo(BSTR* pstrDest) const;
    HRESULT Attach(VARIANT* pSrc);
    HRESULT Detach(VARIANT* pDest);
    HRESULT ChangeType(VARTYPE vtNew, const VARIANT* pSrc = NULL);
};
}

#ifndef _ATL_NO_AUTOMATIC_NAMESPACE
using namespace ATL;
#endif
