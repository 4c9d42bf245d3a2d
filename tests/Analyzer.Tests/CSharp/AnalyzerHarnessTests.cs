extern alias fixes;
extern alias ide;

using fixes::IisModuleValidator.IdeCodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using IdeAnalyzer = ide::IisModuleValidator.IdeAnalyzer.IisModuleAnalyzer;

namespace IisModuleValidator.Tests.CSharp;

/// <summary>
/// The analyzer and its code fixes in Roslyn's own test harness (Microsoft.CodeAnalysis.CSharp.*.Testing): exact spans
/// from markup, and for the fixes the single fix, Fix All in document, project and solution scope (what dotnet format
/// and the IDE's Fix All apply) and the checks that nothing else changes. Modules are written against the samples'
/// interop layer (samples/csharp/Interop), referenced as a compiled assembly as a real module references its interop.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class AnalyzerHarnessTests
{
    public AnalyzerHarnessTests()
    {
        // NuGet.Frameworks, which the harness's types use, is loaded from the MSBuild the locator registers (see the
        // .csproj): registered here, before a test method that touches those types is compiled.
        Assert.Null(FrontEnds.Cpp.Projects.MsBuildInstance.Unavailable);
    }

    private static readonly Lazy<MetadataReference> Interop = new(() =>
    {
        var folder = Path.Combine(TestPaths.Samples, "csharp", "Interop");
        var compilation = CSharpCompilation.Create("IisModules.Interop",
            Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file)),
            FrontEnds.CSharp.CSharpFrontEnd.References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    });

    /// <summary>The module compiles against the runtime the C# front end uses, not a downloaded reference pack.</summary>
    private static void Configure(SolutionState state)
    {
        state.AdditionalReferences.AddRange(FrontEnds.CSharp.CSharpFrontEnd.References.Value);
        state.AdditionalReferences.Add(Interop.Value);
    }

    private static ReferenceAssemblies NoPackages => new("net10.0");

    private const string Usings = """
        using System;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using IisModules.Interop;

        """;

    [Fact]
    public async Task Findings_cover_exactly_the_marked_spans()
    {
        var test = new CSharpAnalyzerTest<IdeAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = NoPackages,
            TestCode = Usings + """
                namespace Contoso.Cache;

                public static unsafe class {|#1:CacheModule|}
                {
                    private static CHttpModule.Vtbl* s_vtbl;

                    [UnmanagedCallersOnly(EntryPoint = "RegisterModule")]
                    public static int RegisterModule(uint version, IHttpModuleRegistrationInfo* info, IHttpServer* server)
                    {
                        try
                        {
                            s_vtbl = Native.Allocate<CHttpModule.Vtbl>();
                            s_vtbl->OnBeginRequest = &OnBeginRequest;
                            {|IISM5002:s_vtbl|}->OnSendResponse = (delegate* unmanaged[MemberFunction]<CHttpModule*, IHttpContext*, ISendResponseProvider*, REQUEST_NOTIFICATION_STATUS>)
                                (delegate* unmanaged<CHttpModule*, IHttpContext*, ISendResponseProvider*, REQUEST_NOTIFICATION_STATUS>)&OnSendResponse;
                            var factory = ModuleFactory.Create(s_vtbl);
                            return {|#0:info|}->SetRequestNotifications(factory, (uint)(RequestNotifications.RQ_BEGIN_REQUEST | RequestNotifications.RQ_SEND_RESPONSE | RequestNotifications.RQ_END_REQUEST), 0);
                        }
                        catch
                        {
                            return unchecked((int)0x8007000E);
                        }
                    }

                    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
                    private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
                        REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;

                    [UnmanagedCallersOnly]
                    private static REQUEST_NOTIFICATION_STATUS OnSendResponse(CHttpModule* self, IHttpContext* pHttpContext, ISendResponseProvider* pProvider) =>
                        REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
                }
                """,
            // The squiggle is on the registration; the class whose vtable lacks the slot is its related location.
            ExpectedDiagnostics = { new DiagnosticResult("IISM2001", DiagnosticSeverity.Error).WithLocation(0).WithLocation(1) },
        };
        Configure(test.TestState);
        await test.RunAsync();
    }

    private static DiagnosticResult MissingSlot(string bit, string slot) =>
        new DiagnosticResult("IISM2001", DiagnosticSeverity.Error).WithLocation(0).WithLocation(1).WithArguments(
            $"{bit} is registered for AuditModule, but AuditModule never assigns the {slot} slot of its CHttpModule vtable: IIS calls a null function pointer and the worker process crashes.");

    [Fact]
    public async Task Fix_all_assigns_every_missing_slot_of_a_module()
    {
        // The module before and after: the fix adds the {{ASSIGNED}} slot assignments and the {{HANDLERS}} stubs.
        const string Module = """
            namespace Contoso.Audit;

            public static unsafe class {{CLASS}}
            {
                private static CHttpModule.Vtbl* s_vtbl;

                [UnmanagedCallersOnly(EntryPoint = "RegisterModule")]
                public static int RegisterModule(uint version, IHttpModuleRegistrationInfo* info, IHttpServer* server)
                {
                    try
                    {
                        s_vtbl = Native.Allocate<CHttpModule.Vtbl>();
                        s_vtbl->OnBeginRequest = &OnBeginRequest;{{ASSIGNED}}
                        var factory = ModuleFactory.Create(s_vtbl);
                        return {{INFO}}->SetRequestNotifications(factory,
                            (uint)(RequestNotifications.RQ_BEGIN_REQUEST | RequestNotifications.RQ_AUTHENTICATE_REQUEST | RequestNotifications.RQ_END_REQUEST), 0);
                    }
                    catch
                    {
                        return unchecked((int)0x8007000E);
                    }
                }

                [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
                private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
                    REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;{{HANDLERS}}
            }
            """;
        const string Assigned = """

                        s_vtbl->OnAuthenticateRequest = &OnAuthenticateRequest;
                        s_vtbl->OnEndRequest = &OnEndRequest;
            """;
        const string Handlers = """


                [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
                private static REQUEST_NOTIFICATION_STATUS OnAuthenticateRequest(CHttpModule* self, IHttpContext* pHttpContext, IAuthenticationProvider* pProvider) => REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;

                [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
                private static REQUEST_NOTIFICATION_STATUS OnEndRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) => REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
            """;
        var test = new CSharpCodeFixTest<IdeAnalyzer, MissingSlotFix, DefaultVerifier>
        {
            ReferenceAssemblies = NoPackages,
            TestCode = Usings + Module.Replace("{{CLASS}}", "{|#1:AuditModule|}").Replace("{{INFO}}", "{|#0:info|}").Replace("{{ASSIGNED}}", "").Replace("{{HANDLERS}}", ""),
            FixedCode = Usings + Module.Replace("{{CLASS}}", "AuditModule").Replace("{{INFO}}", "info").Replace("{{ASSIGNED}}", Assigned.TrimEnd(' '))
                .Replace("{{HANDLERS}}", Handlers.TrimEnd(' ')),
            ExpectedDiagnostics =
            {
                MissingSlot("RQ_AUTHENTICATE_REQUEST", "OnAuthenticateRequest"),
                MissingSlot("RQ_END_REQUEST", "OnEndRequest"),
            },
            // One fix per slot, one after another; Fix All (document, project, solution) does both in one pass.
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        Configure(test.TestState);
        Configure(test.FixedState);
        await test.RunAsync();
    }

    [Fact]
    public async Task The_entry_point_fix_exports_RegisterModule_by_its_exact_name()
    {
        const string Module = """
            namespace Contoso.Headers;

            public static unsafe class HeaderModule
            {
                [UnmanagedCallersOnly(EntryPoint = {{NAME}})]
                public static int {{METHOD}}(uint version, IHttpModuleRegistrationInfo* info, IHttpServer* server)
                {
                    try
                    {
                        var vtbl = Native.Allocate<CHttpModule.Vtbl>();
                        vtbl->OnBeginRequest = &OnBeginRequest;
                        return info->SetRequestNotifications(ModuleFactory.Create(vtbl), (uint)RequestNotifications.RQ_BEGIN_REQUEST, 0);
                    }
                    catch
                    {
                        return unchecked((int)0x8007000E);
                    }
                }

                [UnmanagedCallersOnly(CallConvs = [typeof(CallConvMemberFunction)])]
                private static REQUEST_NOTIFICATION_STATUS OnBeginRequest(CHttpModule* self, IHttpContext* pHttpContext, IHttpEventProvider* pProvider) =>
                    REQUEST_NOTIFICATION_STATUS.RQ_NOTIFICATION_CONTINUE;
            }
            """;
        var test = new CSharpCodeFixTest<IdeAnalyzer, EntryPointNameFix, DefaultVerifier>
        {
            ReferenceAssemblies = NoPackages,
            // The squiggle is on the method; the fix corrects the export name's case.
            TestCode = Usings + Module.Replace("{{NAME}}", "\"Registermodule\"").Replace("{{METHOD}}", "{|IISM5001:RegisterModule|}"),
            FixedCode = Usings + Module.Replace("{{NAME}}", "\"RegisterModule\"").Replace("{{METHOD}}", "RegisterModule"),
        };
        Configure(test.TestState);
        Configure(test.FixedState);
        await test.RunAsync();
    }
}
