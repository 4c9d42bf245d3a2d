// Stand-in for the Visual C++ COM support header comdef.h: _com_error, _com_ptr_t and _COM_SMARTPTR_TYPEDEF.
#pragma once
#include <comutil.h>

class _com_error
{
public:
    _com_error(HRESULT hr, IErrorInfo* perrinfo = NULL, bool fAddRef = false) noexcept;
    _com_error(const _com_error& that) noexcept;
    virtual ~_com_error() noexcept;
    HRESULT Error() const noexcept;
    WORD WCode() const noexcept;
    const TCHAR* ErrorMessage() const noexcept;
    _bstr_t Description() const;
    _bstr_t Source() const;
};

template <typename _Interface, const IID* _IID>
class _com_IIID
{
public:
    typedef _Interface Interface;
    static const IID& GetIID() noexcept { return *_IID; }
};

template <typename _IIID>
class _com_ptr_t
{
public:
    typedef _IIID ThisIIID;
    typedef typename _IIID::Interface Interface;
    _com_ptr_t() noexcept : m_pInterface(NULL) {}
    _com_ptr_t(Interface* pInterface) noexcept;
    _com_ptr_t(const _com_ptr_t& cp) noexcept;
    _com_ptr_t(int null);
    ~_com_ptr_t() noexcept;
    _com_ptr_t& operator=(Interface* pInterface) noexcept;
    _com_ptr_t& operator=(const _com_ptr_t& cp) noexcept;
    operator Interface*() const noexcept { return m_pInterface; }
    Interface& operator*() const;
    Interface** operator&();
    Interface* operator->() const { return m_pInterface; }
    operator bool() const noexcept { return m_pInterface != NULL; }
    void Attach(Interface* pInterface) noexcept;
    Interface* Detach() noexcept;
    void Release();
    void AddRef();
    Interface* GetInterfacePtr() const noexcept { return m_pInterface; }
    HRESULT CreateInstance(const CLSID& rclsid, IUnknown* pOuter = NULL, DWORD dwClsContext = CLSCTX_ALL) noexcept;
    template <typename _InterfaceType>
    HRESULT QueryInterface(const IID& iid, _InterfaceType*& p) noexcept;

private:
    Interface* m_pInterface;
};

#define _COM_SMARTPTR_TYPEDEF(Interface, IID) typedef _com_ptr_t<_com_IIID<Interface, &IID>> Interface##Ptr

_COM_SMARTPTR_TYPEDEF(IUnknown, __uuidof(IUnknown));
_COM_SMARTPTR_TYPEDEF(IDispatch, __uuidof(IDispatch));
_COM_SMARTPTR_TYPEDEF(IErrorInfo, __uuidof(IErrorInfo));
