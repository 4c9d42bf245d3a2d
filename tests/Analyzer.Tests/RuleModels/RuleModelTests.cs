using IisModuleValidator.Catalog;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;
using IisModuleValidator.Rules.Deployment;
using static IisModuleValidator.Tests.RuleModels.Models;

namespace IisModuleValidator.Tests.RuleModels;

/// <summary>
/// The fast loop: every rule against a model built by hand, once with the defect (it fires, at the expected place,
/// with the expected words) and once with the defect mended (it is silent). No parser, no file, milliseconds. The
/// sample-driven tests prove the front ends fill models like these; a new rule without a case here fails the guard.
/// </summary>
public sealed class RuleModelTests
{
    /// <param name="Defective">A ModuleModel or DeploymentModel with the defect.</param>
    /// <param name="Mended">The same with the defect mended.</param>
    /// <param name="Says">Words the finding's message must contain.</param>
    public sealed record RuleCase(string RuleId, object Defective, object Mended, string Says, int Line, string? ExpectedArchitecture = null);

    private static readonly Notification BeginRequest = Notification("RQ_BEGIN_REQUEST");
    private static readonly Notification EndRequest = Notification("RQ_END_REQUEST");
    private static readonly Notification WithoutPost = IisContract.RequestNotifications.First(notification => notification.PostHandler is null);
    private static readonly Notification GlobalEvent = IisContract.GlobalNotifications.First(notification => notification.Handler is not null);
    private static readonly uint UndefinedRequestBit = Enumerable.Range(0, 32).Select(shift => 1u << shift)
        .First(bit => IisContract.Decompose(bit, NotificationKind.Request).Single().Notification is null);

    private static ModuleModel Begin(params Handler[] handlers) =>
        CppModel(HttpModule("CModule", handlers)).With(Request("CModule", BeginRequest.Bit));

    private static ModuleModel WithPriority(string alias) =>
        Begin(Override(BeginRequest.Handler!)) with { Priorities = [new(NotificationKind.Request, false, MaskValue.Known(BeginRequest.Bit), alias, At(45))] };

    private static ModuleModel Exporting(ExportConfiguration configuration, EntryPoint entry) =>
        Begin(Override(BeginRequest.Handler!)) with { Exports = [configuration], EntryPoints = [entry] };

    private static ModuleModel Allocated(params Handler[] handlers) =>
        CppModel(HttpModule("CModule", handlers) with { AllocatedWithModuleAllocator = true }).With(Request("CModule", BeginRequest.Bit));

    private static readonly ModuleModel RequestImage = ImageRegistering(Request("class with vftable at RVA 0x2010", BeginRequest.Bit));
    private static readonly ModuleModel GlobalImage = ImageRegistering(Global("class with vftable at RVA 0x2010", GlobalEvent.Bit));

    public static IReadOnlyDictionary<string, RuleCase> Cases { get; } = new RuleCase[]
    {
        // 1xxx: the binary.
        new("IISM1001", BinaryModel(Image(exports: [RegisterModuleExport("DllMain")])), BinaryModel(Image()), "It exports 'DllMain'", 0),
        new("IISM1002", BinaryModel(Image(exports: [RegisterModuleExport("_RegisterModule@12")])), BinaryModel(Image()), "x86 __stdcall decoration", 0),
        new("IISM1003", BinaryModel(Image(exports: [RegisterModuleExport(forwarder: "other.RegisterModule")])), BinaryModel(Image()), "forwarded to 'other.RegisterModule'", 0),
        new("IISM1004", BinaryModel(Image() with { IsManaged = true }), BinaryModel(Image()), "managed (.NET) assembly", 0),
        new("IISM1005", BinaryModel(Image()), BinaryModel(Image(machine: "x86")), "32-bit application pool", 0, ExpectedArchitecture: "x86"),
        new("IISM1006", BinaryModel(Image(imports: [new ModuleImport("VCRUNTIME140D.dll", ["memcpy"], false)])),
            BinaryModel(Image(imports: [new ModuleImport("VCRUNTIME140.dll", ["memcpy"], false)])), "VCRUNTIME140D.dll (memcpy)", 0),
        // 2xxx: registrations against handlers.
        new("IISM2001", Begin(), Begin(Override(BeginRequest.Handler!)), "does not override OnBeginRequest", 40),
        new("IISM2002", Begin(NotOverriding("OnBeginRequst", "IHttpContext *", "IHttpEventProvider *")), Begin(Override(BeginRequest.Handler!)),
            "did you mean 'OnBeginRequest(", 10),
        new("IISM2003", Begin(Override(BeginRequest.Handler!), Override(EndRequest.Handler!)),
            CppModel(HttpModule("CModule", Override(BeginRequest.Handler!), Override(EndRequest.Handler!))).With(Request("CModule", BeginRequest.Bit | EndRequest.Bit)),
            "CModule::OnEndRequest", 10),
        new("IISM2004", CppModel(HttpModule("CModule", Override(BeginRequest.Handler!))).With(Request("CModule", BeginRequest.Bit, WithoutPost.Bit)),
            Begin(Override(BeginRequest.Handler!)), $"includes {WithoutPost.Constant}, which has no post event", 40),
        new("IISM2005", CppModel(HttpModule("CModule", Override(BeginRequest.Handler!))).With(Request("CModule", BeginRequest.Bit | UndefinedRequestBit)),
            Begin(Override(BeginRequest.Handler!)), $"sets bit 0x{UndefinedRequestBit:X8}", 40),
        new("IISM2006", WithPriority("URGENT"), WithPriority(IisContract.PriorityAliases["PRIORITY_ALIAS_HIGH"]), "'URGENT' is not a priority alias", 45),
        // 3xxx: returns and lifetime.
        new("IISM3001", Begin(Override(BeginRequest.Handler!, Returns(42))), Begin(Override(BeginRequest.Handler!, Returns("RQ_NOTIFICATION_CONTINUE"))),
            "its value 42 is not a REQUEST_NOTIFICATION_STATUS", 12),
        new("IISM3002", CppModel(GlobalModule("CGlobal", Override(GlobalEvent.Handler!, Returns(7)))).With(Global("CGlobal", GlobalEvent.Bit)),
            CppModel(GlobalModule("CGlobal", Override(GlobalEvent.Handler!, Returns("GL_NOTIFICATION_HANDLED")))).With(Global("CGlobal", GlobalEvent.Bit)),
            "its value 7 is not a GLOBAL_NOTIFICATION_STATUS", 12),
        new("IISM3003", Begin(Override(BeginRequest.Handler!, Returns("RQ_NOTIFICATION_PENDING"))),
            Begin(Override(BeginRequest.Handler!, Returns("RQ_NOTIFICATION_PENDING")), Override("OnAsyncCompletion", Returns("RQ_NOTIFICATION_CONTINUE"))),
            "CModule::OnBeginRequest", 12),
        new("IISM3004", Allocated(Override(BeginRequest.Handler!)), Allocated(Override(BeginRequest.Handler!), Override("Dispose")), "CModule", 5),
        // 4xxx: how the project exports RegisterModule.
        new("IISM4001", Exporting(Configuration(), RegisterModule()), Exporting(Configuration(defExportsRegisterModule: true, defFile: "module.def"), RegisterModule()),
            "the linker drops it", 3),
        new("IISM4002", Exporting(Configuration("Win32"), RegisterModule(dllExport: true)),
            Exporting(Configuration("Win32", defExportsRegisterModule: true, defFile: "module.def"), RegisterModule(dllExport: true)), "_RegisterModule@12", 3),
        new("IISM4003", Exporting(Configuration(defExportsRegisterModule: true, defFile: "module.def"), RegisterModule(returnType: "void")),
            Exporting(Configuration(defExportsRegisterModule: true, defFile: "module.def"), RegisterModule()), "it returns void, not HRESULT", 30),
        // 5xxx: C# (NativeAOT).
        new("IISM5001", CSharpModel(Managed([ManagedRegisterModule(exportedName: null)])), CSharpModel(Managed()), "has no EntryPoint", 8),
        new("IISM5002", CSharpModel(Managed(slotTargets: [SlotTarget("OnBeginRequest", memberFunction: false)])), CSharpModel(Managed(slotTargets: [SlotTarget("OnBeginRequest")])),
            "CallConvMemberFunction", 20),
        new("IISM5003", CSharpModel(Managed(slotTargets: [SlotTarget("OnBeginRequest", true, new ManagedCall("Log.Write(path)", At(22, "Module.cs")))])),
            CSharpModel(Managed(slotTargets: [SlotTarget("OnBeginRequest")])), "Log.Write(path)", 22),
        new("IISM5004", CSharpModel(Managed(vtables: [new ManagedVtable("GlobalModule", ModuleBase.GlobalModule, ["OnGlobalPreBeginRequest"], At(15, "Module.cs"))])),
            CSharpModel(Managed(vtables: [new ManagedVtable("GlobalModule", ModuleBase.GlobalModule, ["OnGlobalPreBeginRequest", "Terminate"], At(15, "Module.cs"))])),
            "GlobalModule", 15),
        // 6xxx: how applicationHost.config wires the modules.
        new("IISM6001", DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage) with { ImageMissing = true }], [Add("Gate")]),
            DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage)], [Add("Gate")]), "which does not exist", 30),
        new("IISM6002", DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage) with { ImageFindings = [ImageFinding("IISM1001")] }], [Add("Gate")]),
            DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage)], [Add("Gate")]), "IISM1001", 30),
        new("IISM6003", DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage)], [Add("Gate")], [Pool(is32Bit: true)]),
            DeploymentModelOf([GlobalModuleEntry("Gate", "bitness64", RequestImage)], [Add("Gate")], [Pool(is32Bit: true)]), "'DefaultAppPool'", 30),
        new("IISM6004", DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage), GlobalModuleEntry("Gate", image: RequestImage, line: 31)], [Add("Gate")]),
            DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage), GlobalModuleEntry("Gate2", image: RequestImage, line: 31)], [Add("Gate"), Add("Gate2")]),
            "with the same image", 31),
        new("IISM6005", DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage)], [Add("Gate"), Add("Gait")]),
            DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage)], [Add("Gate")]), "Gait", 50),
        new("IISM6006", DeploymentModelOf([GlobalModuleEntry("Gate", "bitness128", RequestImage)], [Add("Gate")]),
            DeploymentModelOf([GlobalModuleEntry("Gate", "bitness64", RequestImage)], [Add("Gate")]), "bitness128", 30),
        new("IISM6007", DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage)]), DeploymentModelOf([GlobalModuleEntry("Gate", image: RequestImage)], [Add("Gate")]), "Gate", 30),
        new("IISM6008", DeploymentModelOf([GlobalModuleEntry("Watch", image: GlobalImage)], [Add("Watch")]), DeploymentModelOf([GlobalModuleEntry("Watch", image: GlobalImage)]), "Watch", 50),
    }.ToDictionary(@case => @case.RuleId);

    public static TheoryData<string> RuleIds => [.. Cases.Keys];

    private static Finding ImageFinding(string ruleId) =>
        new(Dll, ruleId, RuleLevel.Error, "The DLL does not export RegisterModule.", SourceLocation.OfFile(Dll), "RegisterModule", []);

    private static List<Finding> Run(string ruleId, object model, string? expectedArchitecture)
    {
        var rule = RuleSet.All.Single(rule => rule.Id == ruleId);
        var context = new RuleContext(RuleCatalog.Default, expectedArchitecture);
        return [.. rule is DeploymentRule deployment ? deployment.Check((DeploymentModel)model, context) : rule.Check((ModuleModel)model, context)];
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_rule_fires_on_the_defect_where_it_is(string ruleId)
    {
        var @case = Cases[ruleId];

        var finding = Assert.Single(Run(ruleId, @case.Defective, @case.ExpectedArchitecture));

        Assert.Equal(ruleId, finding.RuleId);
        Assert.Contains(@case.Says, finding.Message);
        Assert.Equal(@case.Line == 0 ? null : @case.Line, finding.Location.Line);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void The_rule_is_silent_once_the_defect_is_mended(string ruleId)
    {
        var @case = Cases[ruleId];

        Assert.Empty(Run(ruleId, @case.Mended, @case.ExpectedArchitecture));
    }

    [Fact]
    public void A_class_registered_with_empty_masks_gets_one_IISM2003_with_its_handlers_related()
    {
        var skeleton = CppModel(HttpModule("CModule", Override(BeginRequest.Handler!), Override(EndRequest.Handler!))).With(Request("CModule", 0));

        var finding = Assert.Single(Run("IISM2003", skeleton, null));

        Assert.Equal(5, finding.Location.Line);
        Assert.Contains("CModule overrides 2 handlers (OnBeginRequest, OnEndRequest), but every registration of CModule has an empty mask", finding.Message);
        Assert.Equal(["CModule::OnBeginRequest is overridden here", "CModule::OnEndRequest is overridden here"], finding.Related.Select(related => related.Message));
    }

    [Fact]
    public void A_registration_whose_class_is_unknown_keeps_IISM2003_silent_for_every_class_of_its_kind()
    {
        var model = CppModel(HttpModule("CModule", Override(BeginRequest.Handler!), Override(EndRequest.Handler!)))
            .With(Request("CModule", BeginRequest.Bit), Request("CModule", EndRequest.Bit) with { FactoryClass = null, ModuleClass = null });
        Assert.Empty(Run("IISM2003", model, null));

        var unfollowedGlobal = model with { Registrations = [model.Registrations[0], Global(null!, GlobalEvent.Bit) with { ModuleClass = null }] };
        Assert.Contains(Run("IISM2003", unfollowedGlobal, null), finding => finding.Message.Contains("CModule::OnEndRequest"));
    }

    [Fact]
    public void Every_rule_has_a_model_case()
    {
        Assert.Equal(RuleSet.All.Select(rule => rule.Id).Order(StringComparer.Ordinal), Cases.Keys.Order(StringComparer.Ordinal));
    }
}
