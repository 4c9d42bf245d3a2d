#include "stdafx.h"
#include "CacheStore.h"

// Lower-cases the path and drops the query string's tracking parameters, so that /Products?utm_source=x and
// /products share one entry.
std::string NormalizeCacheKey(const char* url, size_t length)
{
    std::string key(url, length);
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return static_cast<char>(::tolower(c)); });
    auto query = key.find('?');
    if (query == std::string::npos)
    {
        return key;
    }
    std::vector<std::string> kept;
    size_t start = query + 1;
    while (start < key.size())
    {
        size_t end = key.find('&', start);
        std::string parameter = key.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (parameter.compare(0, 4, "utm_") != 0)
        {
            kept.push_back(parameter);
        }
        if (end == std::string::npos)
        {
            break;
        }
        start = end + 1;
    }
    std::string normalized = key.substr(0, query);
    for (size_t i = 0; i < kept.size(); ++i)
    {
        normalized += (i == 0 ? '?' : '&');
        normalized += kept[i];
    }
    return normalized;
}
