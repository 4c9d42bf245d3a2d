using System.Globalization;

namespace IisModuleValidator.Benchmarks;

/// <summary>
/// A module project shaped like the ones in the field: a .vcxproj whose units use a precompiled stdafx.h (stdafx.cpp
/// creates it) that pulls in windows.h, httpserv.h and the STL; a module, its factory and RegisterModule, a global
/// module for configuration changes, and around them the helpers such a module grows (configuration, rules, logging,
/// URL and string utilities), each unit with real STL code, the logging and COM helpers with ATL. Four configurations,
/// Debug and Release for Win32 and x64, as Visual Studio's wizard writes them. Deterministic for a given unit count.
/// </summary>
internal static class ModuleProjectTree
{
    private static readonly string[] HelperKinds = ["StringUtil", "UrlCodec", "RuleParser", "RuleMatcher", "HeaderRewriter", "CookieJar", "QueryString", "Metrics", "Cache", "Logger"];

    /// <summary>Writes the project into <paramref name="directory"/>; returns the .vcxproj.</summary>
    public static string Write(string directory, int units)
    {
        if (units < 8)
        {
            throw new ArgumentOutOfRangeException(nameof(units), "a module project here has at least 8 units");
        }
        Directory.CreateDirectory(Path.Combine(directory, "include"));
        File.WriteAllText(Path.Combine(directory, "stdafx.h"), """
            // stdafx.h : include file for standard system include files, or project specific include files
            #pragma once

            #define WIN32_LEAN_AND_MEAN
            #include <windows.h>
            #include <httpserv.h>

            #include <atlbase.h>
            #include <atlstr.h>

            #include <algorithm>
            #include <atomic>
            #include <chrono>
            #include <functional>
            #include <map>
            #include <memory>
            #include <mutex>
            #include <sstream>
            #include <string>
            #include <unordered_map>
            #include <vector>
            """);
        File.WriteAllText(Path.Combine(directory, "stdafx.cpp"), "// stdafx.cpp : source file that includes just the standard includes\n#include \"stdafx.h\"\n");
        File.WriteAllText(Path.Combine(directory, "include", "RewriteModule.h"), """
            #pragma once
            #include "Rules.h"

            class CRewriteModule : public CHttpModule
            {
            public:
                explicit CRewriteModule(const RuleSet& rules) : m_rules(rules) {}

                REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;
                REQUEST_NOTIFICATION_STATUS OnSendResponse(IHttpContext* pHttpContext, ISendResponseProvider* pProvider) override;

            private:
                const RuleSet& m_rules;
            };

            class CRewriteModuleFactory : public IHttpModuleFactory
            {
            public:
                HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator) override;
                void Terminate() override;
                RuleSet Rules;
            };
            """);
        File.WriteAllText(Path.Combine(directory, "include", "Rules.h"), """
            #pragma once

            struct Rule
            {
                std::wstring Pattern;
                std::wstring Replacement;
                bool StopProcessing = false;
            };

            struct RuleSet
            {
                std::vector<Rule> Rules;
                std::map<std::string, std::string> ResponseHeaders;
                mutable std::mutex Lock;
            };

            bool LoadRules(const std::wstring& path, RuleSet& rules);
            std::wstring ApplyRules(const RuleSet& rules, const std::wstring& url);
            """);
        File.WriteAllText(Path.Combine(directory, "include", "Helpers.h"), string.Join("\n", ["#pragma once", "",
            .. HelperKinds.Select(kind => $"std::string {kind}Process(const std::string& input, int depth);")]) + "\n");

        var sources = new List<string> { "stdafx.cpp", "RewriteModule.cpp", "Factory.cpp", "dllmain.cpp", "ConfigWatcher.cpp", "Rules.cpp" };
        File.WriteAllText(Path.Combine(directory, "RewriteModule.cpp"), """
            #include "stdafx.h"
            #include "RewriteModule.h"
            #include "Helpers.h"

            REQUEST_NOTIFICATION_STATUS CRewriteModule::OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider* pProvider)
            {
                UNREFERENCED_PARAMETER(pProvider);
                IHttpRequest* request = pHttpContext->GetRequest();
                PCWSTR url = request->GetRawHttpRequest()->CookedUrl.pAbsPath;
                std::wstring rewritten = ApplyRules(m_rules, url ? url : L"/");
                if (!rewritten.empty())
                {
                    HRESULT hr = request->SetUrl(rewritten.c_str(), static_cast<DWORD>(rewritten.size()), FALSE);
                    if (FAILED(hr))
                    {
                        pHttpContext->GetResponse()->SetStatus(500, "Internal Server Error", 0, hr);
                        return RQ_NOTIFICATION_FINISH_REQUEST;
                    }
                }
                return RQ_NOTIFICATION_CONTINUE;
            }

            REQUEST_NOTIFICATION_STATUS CRewriteModule::OnSendResponse(IHttpContext* pHttpContext, ISendResponseProvider* pProvider)
            {
                UNREFERENCED_PARAMETER(pProvider);
                std::lock_guard<std::mutex> lock(m_rules.Lock);
                for (const auto& header : m_rules.ResponseHeaders)
                {
                    pHttpContext->GetResponse()->SetHeader(header.first.c_str(), header.second.c_str(),
                        static_cast<USHORT>(header.second.size()), TRUE);
                }
                return RQ_NOTIFICATION_CONTINUE;
            }
            """);
        File.WriteAllText(Path.Combine(directory, "Factory.cpp"), """
            #include "stdafx.h"
            #include "RewriteModule.h"

            HRESULT CRewriteModuleFactory::GetHttpModule(CHttpModule** ppModule, IModuleAllocator* pAllocator)
            {
                UNREFERENCED_PARAMETER(pAllocator);
                auto* module = new (std::nothrow) CRewriteModule(Rules);
                if (module == nullptr)
                {
                    return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
                }
                *ppModule = module;
                return S_OK;
            }

            void CRewriteModuleFactory::Terminate()
            {
                delete this;
            }
            """);
        File.WriteAllText(Path.Combine(directory, "dllmain.cpp"), """
            #include "stdafx.h"
            #include "RewriteModule.h"

            class CConfigWatcher;
            CGlobalModule* CreateConfigWatcher(CRewriteModuleFactory* factory);

            extern "C" HRESULT WINAPI RegisterModule(DWORD dwServerVersion, IHttpModuleRegistrationInfo* pModuleInfo, IHttpServer* pGlobalInfo)
            {
                UNREFERENCED_PARAMETER(dwServerVersion);
                UNREFERENCED_PARAMETER(pGlobalInfo);
                auto* factory = new (std::nothrow) CRewriteModuleFactory();
                if (factory == nullptr)
                {
                    return HRESULT_FROM_WIN32(ERROR_NOT_ENOUGH_MEMORY);
                }
                LoadRules(L"rewrite.config", factory->Rules);
                HRESULT hr = pModuleInfo->SetRequestNotifications(factory, RQ_BEGIN_REQUEST | RQ_SEND_RESPONSE, 0);
                if (FAILED(hr))
                {
                    return hr;
                }
                return pModuleInfo->SetGlobalNotifications(CreateConfigWatcher(factory), GL_CONFIGURATION_CHANGE);
            }
            """);
        File.WriteAllText(Path.Combine(directory, "ConfigWatcher.cpp"), """
            #include "stdafx.h"
            #include "RewriteModule.h"

            class CConfigWatcher : public CGlobalModule
            {
            public:
                explicit CConfigWatcher(CRewriteModuleFactory* factory) : m_factory(factory) {}

                GLOBAL_NOTIFICATION_STATUS OnGlobalConfigurationChange(IGlobalConfigurationChangeProvider* pProvider) override
                {
                    PCWSTR path = pProvider->GetChangePath();
                    if (path != nullptr && wcsstr(path, L"system.webServer/rewrite") != nullptr)
                    {
                        std::lock_guard<std::mutex> lock(m_factory->Rules.Lock);
                        LoadRules(L"rewrite.config", m_factory->Rules);
                    }
                    return GL_NOTIFICATION_CONTINUE;
                }

                void Terminate() override { delete this; }

            private:
                CRewriteModuleFactory* m_factory;
            };

            CGlobalModule* CreateConfigWatcher(CRewriteModuleFactory* factory)
            {
                return new CConfigWatcher(factory);
            }
            """);
        File.WriteAllText(Path.Combine(directory, "Rules.cpp"), """
            #include "stdafx.h"
            #include "Rules.h"

            bool LoadRules(const std::wstring& path, RuleSet& rules)
            {
                rules.Rules.clear();
                rules.Rules.push_back(Rule{ L"/old/", L"/new/", false });
                rules.Rules.push_back(Rule{ path, L"/config", true });
                rules.ResponseHeaders["X-Rewrite"] = "1";
                return !rules.Rules.empty();
            }

            std::wstring ApplyRules(const RuleSet& rules, const std::wstring& url)
            {
                std::wstring result = url;
                for (const auto& rule : rules.Rules)
                {
                    auto at = result.find(rule.Pattern);
                    if (at != std::wstring::npos)
                    {
                        result.replace(at, rule.Pattern.size(), rule.Replacement);
                        if (rule.StopProcessing)
                        {
                            break;
                        }
                    }
                }
                return result == url ? std::wstring() : result;
            }
            """);
        for (var i = sources.Count; i < units; i++)
        {
            var kind = HelperKinds[i % HelperKinds.Length];
            var name = $"{kind}{i.ToString("D2", CultureInfo.InvariantCulture)}.cpp";
            sources.Add(name);
            File.WriteAllText(Path.Combine(directory, name), $$"""
                #include "stdafx.h"
                #include "Helpers.h"

                namespace
                {
                    struct Entry{{i}}
                    {
                        std::string Key;
                        std::vector<int> Values;
                        std::chrono::steady_clock::time_point Seen;
                    };

                    std::unordered_map<std::string, std::shared_ptr<Entry{{i}}>> g_entries{{i}};
                    std::mutex g_lock{{i}};
                    std::atomic<long> g_calls{{i}}{0};

                    std::string Normalize{{i}}(std::string text)
                    {
                        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(::tolower(c)); });
                        text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t'; }), text.end());
                        return text;
                    }
                }

                std::string {{kind}}Process(const std::string& input, int depth)
                {
                    ++g_calls{{i}};
                    std::lock_guard<std::mutex> lock(g_lock{{i}});
                    auto key = Normalize{{i}}(input);
                    auto& entry = g_entries{{i}}[key];
                    if (!entry)
                    {
                        entry = std::make_shared<Entry{{i}}>();
                        entry->Key = key;
                    }
                    entry->Values.push_back(depth);
                    entry->Seen = std::chrono::steady_clock::now();
                    std::ostringstream out;
                    ATL::CStringW wide(key.c_str());
                    out << key << ':' << entry->Values.size() << ':' << wide.GetLength();
                    std::function<int(int)> fold = [&](int n) { return n <= 0 ? 0 : n + fold(n - 1); };
                    out << ':' << fold(depth % 8);
                    return out.str();
                }
                """);
        }

        var compiles = string.Join("\n", sources.Select(source => source == "stdafx.cpp"
            ? """
                  <ClCompile Include="stdafx.cpp">
                    <PrecompiledHeader>Create</PrecompiledHeader>
                  </ClCompile>
              """
            : $"""    <ClCompile Include="{source}" />"""));
        File.WriteAllText(Path.Combine(directory, "RewriteModule.def"), "LIBRARY RewriteModule\nEXPORTS\n    RegisterModule\n");
        var project = Path.Combine(directory, "RewriteModule.vcxproj");
        File.WriteAllText(project, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <Project DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
              <ItemGroup Label="ProjectConfigurations">
            {Each(configuration => $"""
                <ProjectConfiguration Include="{configuration.Name}">
                  <Configuration>{configuration.Configuration}</Configuration>
                  <Platform>{configuration.Platform}</Platform>
                </ProjectConfiguration>
            """)}
              </ItemGroup>
              <Import Project="$(VCTargetsPath)\Microsoft.Cpp.Default.props" />
            {Each(configuration => $"""
              <PropertyGroup Condition="'$(Configuration)|$(Platform)'=='{configuration.Name}'" Label="Configuration">
                <ConfigurationType>DynamicLibrary</ConfigurationType>
                <UseDebugLibraries>{(configuration.Debug ? "true" : "false")}</UseDebugLibraries>
                <PlatformToolset>v143</PlatformToolset>
                <CharacterSet>Unicode</CharacterSet>
              </PropertyGroup>
            """)}
              <Import Project="$(VCTargetsPath)\Microsoft.Cpp.props" />
            {Each(configuration => $"""
              <ItemDefinitionGroup Condition="'$(Configuration)|$(Platform)'=='{configuration.Name}'">
                <ClCompile>
                  <PrecompiledHeader>Use</PrecompiledHeader>
                  <PrecompiledHeaderFile>stdafx.h</PrecompiledHeaderFile>
                  <PreprocessorDefinitions>{(configuration.Platform == "Win32" ? "WIN32;" : "")}{(configuration.Debug ? "_DEBUG" : "NDEBUG")};_WINDOWS;_USRDLL;%(PreprocessorDefinitions)</PreprocessorDefinitions>
                  <AdditionalIncludeDirectories>$(ProjectDir)include;%(AdditionalIncludeDirectories)</AdditionalIncludeDirectories>
                </ClCompile>
                <Link>
                  <ModuleDefinitionFile>RewriteModule.def</ModuleDefinitionFile>
                </Link>
              </ItemDefinitionGroup>
            """)}
              <ItemGroup>
            {compiles}
              </ItemGroup>
              <Import Project="$(VCTargetsPath)\Microsoft.Cpp.targets" />
            </Project>
            """);
        return project;
    }

    private sealed record ProjectConfiguration(string Configuration, string Platform)
    {
        public string Name => $"{Configuration}|{Platform}";
        public bool Debug => Configuration == "Debug";
    }

    private static readonly ProjectConfiguration[] Configurations =
        [new("Debug", "Win32"), new("Release", "Win32"), new("Debug", "x64"), new("Release", "x64")];

    private static string Each(Func<ProjectConfiguration, string> part) => string.Join("\n", Configurations.Select(part));
}
