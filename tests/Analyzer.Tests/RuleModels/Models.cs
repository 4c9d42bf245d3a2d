using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Tests.RuleModels;

/// <summary>
/// Module and deployment models built by hand, as a front end would fill them, for rule tests that need no parser.
/// Facts (bits, handler names, status values) come from the contract, never from numbers written here.
/// </summary>
internal static class Models
{
    public const string Source = "module.cpp";
    public const string Dll = "module.dll";
    public const string Config = "applicationHost.config";

    public static SourceLocation At(int line, string file = Source) => SourceLocation.InSource(file, line, 1);

    public static Notification Notification(string constant) =>
        IisContract.RequestNotifications.Concat(IisContract.GlobalNotifications).Single(notification => notification.Constant == constant);

    public static uint Bit(string constant) => Notification(constant).Bit;

    public static int Status(string name) =>
        IisContract.RequestNotificationStatus.Concat(IisContract.GlobalNotificationStatus).Single(status => status.Name == name).Value;

    /// <summary>A C++ module with nothing in it yet.</summary>
    public static ModuleModel CppModel(params ModuleClass[] classes) => new(Source, EvidenceSource.Cpp, null, [], [], classes, [], [], []);

    public static ModuleModel With(this ModuleModel model, params Registration[] registrations) =>
        model with { Registrations = [.. model.Registrations, .. registrations] };

    public static ModuleClass HttpModule(string name, params Handler[] handlers) =>
        new(name, ModuleBase.HttpModule, ["CHttpModule"], handlers, At(5));

    public static ModuleClass GlobalModule(string name, params Handler[] handlers) =>
        new(name, ModuleBase.GlobalModule, ["CGlobalModule"], handlers, At(5));

    /// <summary>A handler with the contract's parameter types, overriding the base's virtual.</summary>
    public static Handler Override(string name, params ReturnSite[] returns)
    {
        var slot = IisContract.CHttpModule.Find(name) ?? IisContract.CGlobalModule.Find(name)
            ?? throw new ArgumentException($"{name} is no CHttpModule or CGlobalModule method", nameof(name));
        return new Handler(name, [.. slot.ParameterTypes.Select(type => new ParameterType(type, type))], true, At(10), returns);
    }

    /// <summary>A method that overrides nothing (a misspelt or mis-typed handler).</summary>
    public static Handler NotOverriding(string name, params string[] parameterTypes) =>
        new(name, [.. parameterTypes.Select(type => new ParameterType(type, type))], false, At(10), []);

    public static ReturnSite Returns(long value, string? convertedFrom = null) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture), value, At(12), convertedFrom);

    public static ReturnSite Returns(string status) => new(status, Status(status), At(12));

    public static Registration Request(string moduleClass, uint mask, uint postMask = 0) =>
        new(RegistrationKind.Request, "CFactory", moduleClass, MaskValue.Known(mask), MaskValue.Known(postMask), At(40), EvidenceSource.Cpp);

    public static Registration Global(string moduleClass, uint mask) =>
        new(RegistrationKind.Global, null, moduleClass, MaskValue.Known(mask), MaskValue.Known(0), At(40), EvidenceSource.Cpp);

    public static EntryPoint RegisterModule(bool cLinkage = true, string callingConvention = "stdcall", bool dllExport = false, string returnType = "HRESULT") =>
        new("RegisterModule", cLinkage, callingConvention, dllExport, returnType,
            [new("DWORD", "unsignedlong"), new("IHttpModuleRegistrationInfo *", "IHttpModuleRegistrationInfo*"), new("IHttpServer *", "IHttpServer*")], At(30));

    public static ExportConfiguration Configuration(string platform = "x64", bool defExportsRegisterModule = false, string? defFile = null, bool defFileExists = true) =>
        new($"Release|{platform}", platform, defFile, defFileExists, defExportsRegisterModule, [], At(3, "module.vcxproj"));

    /// <summary>A native x64 DLL with these exports and imports.</summary>
    public static ImageFacts Image(IReadOnlyList<ModuleExport>? exports = null, IReadOnlyList<ModuleImport>? imports = null, string machine = "x64") =>
        new(machine, machine == "x86" ? (ushort)0x14C : (ushort)0x8664, true, false, machine != "x86", "WindowsGui",
            exports ?? [RegisterModuleExport()], imports ?? [new ModuleImport("KERNEL32.dll", ["GetLastError"], false)], Dll);

    public static ModuleExport RegisterModuleExport(string name = IisContract.RegisterModuleExportName, string? forwarder = null) => new(name, 1, 0x1000, forwarder);

    public static ModuleModel BinaryModel(ImageFacts image) => ModuleModel.FromImage(Dll, image);

    public static ModuleModel CSharpModel(ManagedFacts managed) => new("Module.csproj", EvidenceSource.CSharp, null, [], [], [], [], [], [], managed);

    public static ManagedEntryPoint ManagedRegisterModule(bool unmanagedCallersOnly = true, string? exportedName = IisContract.RegisterModuleExportName) =>
        new("RegisterModule", unmanagedCallersOnly, exportedName, "int", ["uint", "IHttpModuleRegistrationInfo*", "IHttpServer*"], [], At(8, "Module.cs"));

    public static ManagedSlotTarget SlotTarget(string slot, bool memberFunction = true, params ManagedCall[] unprotected) =>
        new("CHttpModuleVtbl", slot, slot, true, memberFunction ? ["CallConvMemberFunction"] : [], unprotected, At(20, "Module.cs"));

    public static ManagedFacts Managed(IReadOnlyList<ManagedEntryPoint>? entryPoints = null, IReadOnlyList<ManagedSlotTarget>? slotTargets = null,
        IReadOnlyList<ManagedVtable>? vtables = null) =>
        new(entryPoints ?? [ManagedRegisterModule()], slotTargets ?? [], vtables ?? []);

    // Deployment: one pool, one site in it, modules as given.
    public static AppPool Pool(string name = "DefaultAppPool", bool is32Bit = false) => new(name, is32Bit, "Integrated", "", At(10, Config));

    public static SiteApplication Site(string pool = "DefaultAppPool") => new("Default Web Site", "/", pool, null, At(20, Config));

    public static GlobalModuleEntry GlobalModuleEntry(string name, string? preCondition = null, ModuleModel? image = null, int line = 30) =>
        new(name, $@"%SystemDrive%\modules\{name}.dll", preCondition, At(line, Config), $"/srv/C/modules/{name}.dll") { ImageModel = image };

    public static ModulesEntry Add(string name, string configPath = "", string? preCondition = null) => new("add", name, null, preCondition, configPath, At(50, Config));

    public static DeploymentModel DeploymentModelOf(IReadOnlyList<GlobalModuleEntry> globalModules, IReadOnlyList<ModulesEntry>? modules = null, IReadOnlyList<AppPool>? pools = null) =>
        new(Config, pools ?? [Pool()], [Site()], globalModules, modules ?? []);

    /// <summary>What a module that registers these requests or globals looks like from its DLL.</summary>
    public static ModuleModel ImageRegistering(params Registration[] registrations) => BinaryModel(Image()) with { Registrations = registrations };
}
