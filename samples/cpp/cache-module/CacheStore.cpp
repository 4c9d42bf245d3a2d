#include "stdafx.h"
#include "CacheStore.h"

bool CacheStore::TryGet(const std::string& key, CacheEntry& entry)
{
    std::lock_guard<std::mutex> lock(m_lock);
    auto found = m_entries.find(key);
    if (found == m_entries.end() || found->second.Expires < std::chrono::steady_clock::now())
    {
        return false;
    }
    entry = found->second;
    return true;
}

void CacheStore::Put(const std::string& key, std::string body, std::string contentType)
{
    std::lock_guard<std::mutex> lock(m_lock);
    CacheEntry& entry = m_entries[key];
    entry.Body = std::move(body);
    entry.ContentType = std::move(contentType);
    entry.Expires = std::chrono::steady_clock::now() + m_lifetime;
}

size_t CacheStore::Purge()
{
    std::lock_guard<std::mutex> lock(m_lock);
    const auto now = std::chrono::steady_clock::now();
    size_t removed = 0;
    for (auto it = m_entries.begin(); it != m_entries.end();)
    {
        if (it->second.Expires < now)
        {
            it = m_entries.erase(it);
            ++removed;
        }
        else
        {
            ++it;
        }
    }
    return removed;
}
