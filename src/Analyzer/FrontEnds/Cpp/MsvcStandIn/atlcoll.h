// Stand-in for ATL's atlcoll.h: CAtlArray, CAtlList and CAtlMap as modules use them.
#pragma once
#include <atlbase.h>

namespace ATL
{
template <typename T>
class CElementTraits
{
public:
    typedef const T& INARGTYPE;
    typedef T& OUTARGTYPE;
};

template <typename E, class ETraits = CElementTraits<E>>
class CAtlArray
{
public:
    typedef typename ETraits::INARGTYPE INARGTYPE;
    typedef typename ETraits::OUTARGTYPE OUTARGTYPE;
    CAtlArray() noexcept;
    ~CAtlArray() noexcept;
    size_t GetCount() const noexcept;
    bool IsEmpty() const noexcept;
    bool SetCount(size_t nNewSize, int nGrowBy = -1);
    void FreeExtra() noexcept;
    void RemoveAll() noexcept;
    const E& GetAt(size_t iElement) const;
    E& GetAt(size_t iElement);
    void SetAt(size_t iElement, INARGTYPE element);
    const E* GetData() const noexcept;
    E* GetData() noexcept;
    size_t Add(INARGTYPE element);
    size_t Add();
    size_t Append(const CAtlArray<E, ETraits>& aSrc);
    void Copy(const CAtlArray<E, ETraits>& aSrc);
    void InsertAt(size_t iElement, INARGTYPE element, size_t nCount = 1);
    void RemoveAt(size_t iElement, size_t nCount = 1);
    const E& operator[](size_t iElement) const;
    E& operator[](size_t iElement);
};

template <typename E, class ETraits = CElementTraits<E>>
class CAtlList
{
public:
    typedef typename ETraits::INARGTYPE INARGTYPE;
    CAtlList(UINT nBlockSize = 10) noexcept;
    ~CAtlList() noexcept;
    size_t GetCount() const noexcept;
    bool IsEmpty() const noexcept;
    E& GetHead();
    const E& GetHead() const;
    E& GetTail();
    const E& GetTail() const;
    E RemoveHead();
    E RemoveTail();
    void RemoveHeadNoReturn() noexcept;
    void RemoveTailNoReturn() noexcept;
    POSITION AddHead(INARGTYPE element);
    POSITION AddTail(INARGTYPE element);
    POSITION AddHead();
    POSITION AddTail();
    void RemoveAll() noexcept;
    POSITION GetHeadPosition() const noexcept;
    POSITION GetTailPosition() const noexcept;
    E& GetNext(POSITION& pos);
    const E& GetNext(POSITION& pos) const;
    E& GetPrev(POSITION& pos);
    const E& GetPrev(POSITION& pos) const;
    E& GetAt(POSITION pos);
    const E& GetAt(POSITION pos) const;
    void SetAt(POSITION pos, INARGTYPE element);
    void RemoveAt(POSITION pos) noexcept;
    POSITION InsertBefore(POSITION pos, INARGTYPE element);
    POSITION InsertAfter(POSITION pos, INARGTYPE element);
    POSITION Find(INARGTYPE element, POSITION posStartAfter = NULL) const noexcept;
    POSITION FindIndex(size_t iElement) const noexcept;
};

template <typename K, typename V, class KTraits = CElementTraits<K>, class VTraits = CElementTraits<V>>
class CAtlMap
{
public:
    typedef typename KTraits::INARGTYPE KINARGTYPE;
    typedef typename VTraits::INARGTYPE VINARGTYPE;
    typedef typename VTraits::OUTARGTYPE VOUTARGTYPE;
    class CPair
    {
    public:
        const K m_key;
        V m_value;
    };
    CAtlMap(UINT nBins = 17, float fOptimalLoad = 0.75f, float fLoThreshold = 0.25f, float fHiThreshold = 2.25f, UINT nBlockSize = 10) noexcept;
    ~CAtlMap() noexcept;
    size_t GetCount() const noexcept;
    bool IsEmpty() const noexcept;
    bool Lookup(KINARGTYPE key, VOUTARGTYPE value) const;
    const CPair* Lookup(KINARGTYPE key) const noexcept;
    CPair* Lookup(KINARGTYPE key) noexcept;
    V& operator[](KINARGTYPE key);
    POSITION SetAt(KINARGTYPE key, VINARGTYPE value);
    bool RemoveKey(KINARGTYPE key) noexcept;
    void RemoveAll();
    void RemoveAtPos(POSITION pos) noexcept;
    POSITION GetStartPosition() const noexcept;
    void GetNextAssoc(POSITION& pos, K& key, V& value) const;
    const CPair* GetNext(POSITION& pos) const noexcept;
    CPair* GetNext(POSITION& pos) noexcept;
    const K& GetKeyAt(POSITION pos) const;
    V& GetValueAt(POSITION pos);
};
}

#ifndef _ATL_NO_AUTOMATIC_NAMESPACE
using namespace ATL;
#endif
