using IisModuleValidator.FrontEnds.Cpp;

namespace IisModuleValidator.Benchmarks;

/// <summary>A module tree of N translation units: a precomp.h every file starts with, one module class per file.</summary>
internal static class GeneratedTree
{
    public static CppProject Write(string directory, int units)
    {
        File.WriteAllText(Path.Combine(directory, "precomp.h"), """
            #pragma once
            #define WIN32_LEAN_AND_MEAN
            #include <windows.h>
            #include <httpserv.h>
            """);
        var sources = new List<CompileUnit>();
        for (var i = 0; i < units; i++)
        {
            var path = Path.Combine(directory, $"module{i:D3}.cpp");
            File.WriteAllText(path, $$"""
                #include "precomp.h"

                class CModule{{i}} : public CHttpModule
                {
                public:
                    REQUEST_NOTIFICATION_STATUS OnBeginRequest(IHttpContext* pHttpContext, IHttpEventProvider*) override
                    {
                        pHttpContext->GetResponse()->SetHeader("X-Module", "{{i}}", 1, TRUE);
                        return RQ_NOTIFICATION_CONTINUE;
                    }

                    REQUEST_NOTIFICATION_STATUS OnEndRequest(IHttpContext*, IHttpEventProvider*) override
                    {
                        return RQ_NOTIFICATION_CONTINUE;
                    }
                };

                class CModule{{i}}Factory final : public IHttpModuleFactory
                {
                public:
                    HRESULT GetHttpModule(CHttpModule** ppModule, IModuleAllocator*) override
                    {
                        *ppModule = new CModule{{i}}();
                        return S_OK;
                    }

                    void Terminate() override { delete this; }
                };

                HRESULT Register{{i}}(IHttpModuleRegistrationInfo* pModuleInfo)
                {
                    return pModuleInfo->SetRequestNotifications(new CModule{{i}}Factory(), RQ_BEGIN_REQUEST | RQ_END_REQUEST, 0);
                }
                """);
            sources.Add(new CompileUnit(path, ["NDEBUG"], [directory], []));
        }
        return new CppProject(directory, "x64", null, sources, []);
    }
}
