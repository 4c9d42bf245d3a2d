#pragma once

#define _WINSOCKAPI_
#include <windows.h>
#include <sal.h>
#include <httpserv.h>

#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

// A log sink shared by every request of the worker process.
class CLogSink
{
public:
    explicit CLogSink(std::wstring path) : m_path(std::move(path)) {}

    void Write(const std::wstring& line)
    {
        std::lock_guard<std::mutex> guard(m_lock);
        m_lines.push_back(line);
    }

private:
    std::wstring m_path;
    std::mutex m_lock;
    std::vector<std::wstring> m_lines;
};

class CRequestLogger : public CHttpModule
{
public:
    explicit CRequestLogger(std::shared_ptr<CLogSink> sink) : m_sink(std::move(sink)) {}

    REQUEST_NOTIFICATION_STATUS OnBeginRequest(_In_ IHttpContext* pHttpContext, _In_ IHttpEventProvider* pProvider) override;
    REQUEST_NOTIFICATION_STATUS OnLogRequest(_In_ IHttpContext* pHttpContext, _In_ IHttpEventProvider* pProvider) override;

private:
    std::shared_ptr<CLogSink> m_sink;
    std::unique_ptr<std::wostringstream> m_entry;
    ULONGLONG m_started = 0;
};

class CRequestLoggerFactory : public IHttpModuleFactory
{
public:
    CRequestLoggerFactory() : m_sink(std::make_shared<CLogSink>(L"C:\\inetpub\\logs\\requests.log")) {}

    HRESULT GetHttpModule(_Outptr_ CHttpModule** ppModule, _In_ IModuleAllocator* pAllocator) override;
    void Terminate() override { delete this; }

private:
    std::shared_ptr<CLogSink> m_sink;
};
