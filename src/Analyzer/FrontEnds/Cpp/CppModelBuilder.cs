using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>Turns the merged facts of a module's translation units into the language-neutral module model.</summary>
internal static class CppModelBuilder
{
    private const string HttpModuleUsr = "c:@S@CHttpModule";
    private const string GlobalModuleUsr = "c:@S@CGlobalModule";
    private const string FactoryUsr = "c:@S@IHttpModuleFactory";

    public static ModuleModel Build(string inputPath, CppFacts facts, IReadOnlyList<ExportConfiguration> exports)
    {
        ModuleBase? BaseOf(string usr, int depth = 0)
        {
            if (depth > 32 || !facts.Classes.TryGetValue(usr, out var fact))
            {
                return null;
            }
            foreach (var (baseUsr, _) in fact.Bases)
            {
                var kind = baseUsr switch
                {
                    HttpModuleUsr => ModuleBase.HttpModule,
                    GlobalModuleUsr => ModuleBase.GlobalModule,
                    FactoryUsr => ModuleBase.ModuleFactory,
                    _ => BaseOf(baseUsr, depth + 1),
                };
                if (kind is not null)
                {
                    return kind;
                }
            }
            return null;
        }

        // Which module class each factory creates, and whether in IModuleAllocator memory.
        var createdBy = new Dictionary<string, (string Usr, string Name, bool Allocator)>(StringComparer.Ordinal);
        foreach (var method in facts.Methods.Values.Where(method => method.Name == "GetHttpModule" && method.HasBody))
        {
            var created = method.NewedClasses.FirstOrDefault(newed => BaseOf(newed.Usr) == ModuleBase.HttpModule);
            if (created.Usr is not null)
            {
                createdBy[method.ClassUsr] = (created.Usr, created.Name, method.CallsModuleAllocator);
            }
        }
        var allocatorClasses = createdBy.Values.Where(created => created.Allocator).Select(created => created.Usr).ToHashSet(StringComparer.Ordinal);

        var classes = new List<ModuleClass>();
        var invalid = facts.Classes.Values.Where(fact => fact.IsInvalid).Select(fact => fact.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var fact in facts.Classes.Values.OrderBy(fact => fact.Name, StringComparer.Ordinal))
        {
            if (fact.IsInvalid || BaseOf(fact.Usr) is not { } kind)
            {
                continue;
            }
            var handlers = facts.Methods.Values
                .Where(method => method.ClassUsr == fact.Usr && method.Declaration is not null)
                .OrderBy(method => method.Declaration!.Line)
                .Select(method => new Handler(method.Name, method.Parameters, method.Overrides.Count > 0, method.Declaration!,
                    [.. method.Returns.Select(r => new ReturnSite(r.Expression, r.Value, r.Location, r.ConvertedFrom))], method.IsConst)
                {
                    DeclaratorSpan = method.DeclaratorSpan,
                    DefinitionDeclaratorSpan = method.DefinitionDeclaratorSpan,
                    SaysOverride = method.SaysOverride,
                })
                .ToList();
            classes.Add(new ModuleClass(fact.Name, kind, [.. fact.Bases.Select(b => b.Name)], handlers, fact.Location, allocatorClasses.Contains(fact.Usr))
            {
                InsertionPoint = fact.InsertionPoint,
            });
        }

        var registrations = new List<Registration>();
        var priorities = new List<PriorityRegistration>();
        foreach (var call in facts.RegistrationCalls.OrderBy(call => call.Location.FilePath, StringComparer.Ordinal).ThenBy(call => call.Location.Line))
        {
            switch (call.Kind)
            {
                case RegistrationCallKind.SetRequestNotifications:
                    var module = call.TargetClass is { } factory && createdBy.TryGetValue(factory.Usr, out var created) ? created.Name
                        : call.TargetClass is { } self && BaseOf(self.Usr) == ModuleBase.HttpModule ? self.Name // factory and module in one class
                        : null;
                    registrations.Add(new Registration(RegistrationKind.Request, call.TargetClass?.Name, module, call.First, call.Second, call.Location, EvidenceSource.Cpp)
                    {
                        PostMaskSpan = call.SecondSpan,
                        MaskSpan = call.FirstSpan,
                    });
                    break;
                case RegistrationCallKind.SetGlobalNotifications:
                    registrations.Add(new Registration(RegistrationKind.Global, null, call.TargetClass?.Name, call.First, MaskValue.Known(0), call.Location, EvidenceSource.Cpp)
                    {
                        MaskSpan = call.FirstSpan,
                    });
                    break;
                default:
                    var notificationKind = call.Kind == RegistrationCallKind.SetPriorityForGlobalNotification ? NotificationKind.Global : NotificationKind.Request;
                    priorities.Add(new PriorityRegistration(notificationKind, call.Kind == RegistrationCallKind.SetPriorityForPostRequestNotification,
                        call.First, call.PriorityAlias, call.Location));
                    break;
            }
        }
        // A registration of a class clang could not compile is unknown, never "handler missing".
        registrations = [.. registrations.Select(registration =>
            registration.ModuleClass is { } name && invalid.Contains(name) || registration.FactoryClass is { } factoryName && invalid.Contains(factoryName)
                ? registration with
                {
                    Mask = MaskValue.Unknown($"class {registration.ModuleClass ?? registration.FactoryClass} could not be compiled (see IISM9005)", registration.Mask.NamedConstants),
                    PostMask = MaskValue.Unknown($"class {registration.ModuleClass ?? registration.FactoryClass} could not be compiled (see IISM9005)", registration.PostMask.NamedConstants),
                    Confidence = Confidence.Unknown,
                    ConfidenceReason = "the module class could not be compiled",
                }
                : registration)];
        return new ModuleModel(inputPath, EvidenceSource.Cpp, null, registrations, priorities, classes,
            [.. facts.EntryPoints.OrderBy(entry => entry.Location.FilePath, StringComparer.Ordinal)], [.. facts.CompletionCalls], exports);
    }
}
