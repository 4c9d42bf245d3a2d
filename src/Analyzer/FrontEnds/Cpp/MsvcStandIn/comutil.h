// Stand-in for the Visual C++ COM support header comutil.h: _bstr_t and _variant_t as modules use them.
#pragma once
#include <ole2.h>
#include <oleauto.h>

class _bstr_t
{
public:
    _bstr_t() noexcept;
    _bstr_t(const _bstr_t& s) noexcept;
    _bstr_t(const char* s);
    _bstr_t(const wchar_t* s);
    _bstr_t(BSTR bstr, bool fCopy);
    ~_bstr_t() noexcept;
    _bstr_t& operator=(const _bstr_t& s) noexcept;
    _bstr_t& operator=(const char* s);
    _bstr_t& operator=(const wchar_t* s);
    _bstr_t& operator+=(const _bstr_t& s);
    _bstr_t operator+(const _bstr_t& s) const;
    operator const wchar_t*() const noexcept;
    operator wchar_t*() const noexcept;
    operator const char*() const;
    operator char*() const;
    bool operator!() const noexcept;
    bool operator==(const _bstr_t& str) const noexcept;
    bool operator!=(const _bstr_t& str) const noexcept;
    BSTR copy(bool fCopy = true) const;
    unsigned int length() const noexcept;
    void Assign(BSTR s);
    BSTR& GetBSTR();
    BSTR* GetAddress();
    void Attach(BSTR s);
    BSTR Detach() noexcept;
};

class _variant_t : public tagVARIANT
{
public:
    _variant_t() noexcept;
    _variant_t(const VARIANT& varSrc);
    _variant_t(const _variant_t& varSrc);
    _variant_t(short sSrc, VARTYPE vtSrc = VT_I2);
    _variant_t(long lSrc, VARTYPE vtSrc = VT_I4);
    _variant_t(int iSrc) noexcept;
    _variant_t(unsigned int uiSrc) noexcept;
    _variant_t(double dblSrc, VARTYPE vtSrc = VT_R8);
    _variant_t(const _bstr_t& bstrSrc);
    _variant_t(const wchar_t* pSrc);
    _variant_t(const char* pSrc);
    _variant_t(bool boolSrc) noexcept;
    _variant_t(IUnknown* pSrc, bool fAddRef = true) noexcept;
    ~_variant_t();
    operator short() const;
    operator long() const;
    operator int() const;
    operator double() const;
    operator _bstr_t() const;
    operator bool() const;
    _variant_t& operator=(const VARIANT& varSrc);
    _variant_t& operator=(const _variant_t& varSrc);
    _variant_t& operator=(const wchar_t* pSrc);
    _variant_t& operator=(long lSrc);
    void Clear();
    void Attach(VARIANT& varSrc);
    VARIANT Detach();
    void ChangeType(VARTYPE vartype, const _variant_t* pSrc = NULL);
};
