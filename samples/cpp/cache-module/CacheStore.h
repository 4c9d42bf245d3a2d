#pragma once

// A small in-memory response cache: keys are request URLs, entries expire after a configured time.
struct CacheEntry
{
    std::string Body;
    std::string ContentType;
    std::chrono::steady_clock::time_point Expires;
};

class CacheStore
{
public:
    explicit CacheStore(std::chrono::seconds lifetime) : m_lifetime(lifetime) {}

    bool TryGet(const std::string& key, CacheEntry& entry);
    void Put(const std::string& key, std::string body, std::string contentType);
    size_t Purge();

private:
    std::chrono::seconds m_lifetime;
    std::map<std::string, CacheEntry> m_entries;
    std::mutex m_lock;
};

std::string NormalizeCacheKey(const char* url, size_t length);
void TraceCache(const char* format, ...);
