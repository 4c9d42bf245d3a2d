// Stand-in for ATL's atlstr.h: CStringT and its CStringA / CStringW / CString typedefs, as modules use them.
#pragma once
#include <atlbase.h>

namespace ATL
{
template <typename XCHAR>
class CStringT
{
public:
    typedef XCHAR XCHAR_TYPE;
    typedef XCHAR* PXSTR;
    typedef const XCHAR* PCXSTR;

    CStringT() noexcept;
    CStringT(const CStringT& strSrc);
    CStringT(const char* pszSrc);
    CStringT(const wchar_t* pszSrc);
    CStringT(const char* pch, int nLength);
    CStringT(const wchar_t* pch, int nLength);
    CStringT(XCHAR ch, int nRepeat = 1);
    ~CStringT() noexcept;

    CStringT& operator=(const CStringT& strSrc);
    CStringT& operator=(const char* pszSrc);
    CStringT& operator=(const wchar_t* pszSrc);
    CStringT& operator=(XCHAR ch);
    CStringT& operator+=(const CStringT& str);
    CStringT& operator+=(PCXSTR pszSrc);
    CStringT& operator+=(XCHAR ch);
    operator PCXSTR() const noexcept;
    XCHAR operator[](int iChar) const;

    int GetLength() const noexcept;
    int GetAllocLength() const noexcept;
    bool IsEmpty() const noexcept;
    void Empty() noexcept;
    PCXSTR GetString() const noexcept;
    XCHAR GetAt(int iChar) const;
    void SetAt(int iChar, XCHAR ch);
    PXSTR GetBuffer();
    PXSTR GetBuffer(int nMinBufferLength);
    PXSTR GetBufferSetLength(int nLength);
    void ReleaseBuffer(int nNewLength = -1);
    void Preallocate(int nLength);
    void Truncate(int nNewLength);
    void Append(PCXSTR pszSrc);
    void Append(PCXSTR pszSrc, int nLength);
    void Append(const CStringT& strSrc);
    void AppendChar(XCHAR ch);
    void __cdecl Format(PCXSTR pszFormat, ...);
    void __cdecl AppendFormat(PCXSTR pszFormat, ...);
    BOOL LoadString(UINT nID);
    int Compare(PCXSTR psz) const;
    int CompareNoCase(PCXSTR psz) const;
    int Find(XCHAR ch, int iStart = 0) const noexcept;
    int Find(PCXSTR pszSub, int iStart = 0) const noexcept;
    int ReverseFind(XCHAR ch) const noexcept;
    int FindOneOf(PCXSTR pszCharSet) const noexcept;
    CStringT Left(int nCount) const;
    CStringT Right(int nCount) const;
    CStringT Mid(int iFirst) const;
    CStringT Mid(int iFirst, int nCount) const;
    CStringT Tokenize(PCXSTR pszTokens, int& iStart) const;
    CStringT& MakeLower();
    CStringT& MakeUpper();
    CStringT& MakeReverse();
    CStringT& Trim();
    CStringT& Trim(XCHAR chTarget);
    CStringT& Trim(PCXSTR pszTargets);
    CStringT& TrimLeft();
    CStringT& TrimLeft(XCHAR chTarget);
    CStringT& TrimRight();
    CStringT& TrimRight(XCHAR chTarget);
    int Replace(PCXSTR pszOld, PCXSTR pszNew);
    int Replace(XCHAR chOld, XCHAR chNew);
    int Remove(XCHAR chRemove);
    int Insert(int iIndex, XCHAR ch);
    int Delete(int iIndex, int nCount = 1);
    BSTR AllocSysString() const;

    friend CStringT operator+(const CStringT& str1, const CStringT& str2);
    friend CStringT operator+(const CStringT& str1, PCXSTR psz2);
    friend CStringT operator+(PCXSTR psz1, const CStringT& str2);
    friend CStringT operator+(const CStringT& str1, XCHAR ch2);
    friend bool operator==(const CStringT& str1, const CStringT& str2) noexcept;
    friend bool operator==(const CStringT& str1, PCXSTR psz2) noexcept;
    friend bool operator==(PCXSTR psz1, const CStringT& str2) noexcept;
    friend bool operator!=(const CStringT& str1, const CStringT& str2) noexcept;
    friend bool operator!=(const CStringT& str1, PCXSTR psz2) noexcept;
    friend bool operator<(const CStringT& str1, const CStringT& str2) noexcept;

private:
    PXSTR m_pszData;
};

typedef CStringT<char> CStringA;
typedef CStringT<wchar_t> CStringW;
#ifdef _UNICODE
typedef CStringW CString;
#else
typedef CStringA CString;
#endif
typedef CStringA CAtlStringA;
typedef CStringW CAtlStringW;
typedef CString CAtlString;
}

#ifndef _ATL_NO_AUTOMATIC_NAMESPACE
using namespace ATL;
#endif
