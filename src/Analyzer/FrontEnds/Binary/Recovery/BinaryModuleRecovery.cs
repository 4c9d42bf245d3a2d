using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Binary.Recovery;

/// <summary>
/// Recovers, from a DLL alone, what RegisterModule registers and which handler slots each module class still leaves
/// at the base class's DebugBreak() default: RegisterModule → the virtual calls on its IHttpModuleRegistrationInfo*
/// (slots 2 to 6) → the factory object's vtable → GetHttpModule → the module's vtable → each slot's code. Every fact
/// carries its confidence; what could not be followed is a note with the reason, never a guess.
/// </summary>
internal sealed class BinaryModuleRecovery(PeImage image, string path)
{
    public sealed record Result(ModuleModel Model, IReadOnlyList<string> Notes);

    public Result Recover()
    {
        var facts = image.Facts;
        var notes = new List<string>();
        var entry = facts.Exports.FirstOrDefault(export => export.Name == IisContract.RegisterModuleExportName && !export.IsForwarder);
        var empty = ModuleModel.FromImage(path, facts);
        if (entry is null || !facts.IsDll || facts.IsManaged || !CodeInterpreter.Handles(facts.Machine))
        {
            return new Result(empty, CodeInterpreter.Handles(facts.Machine) || entry is null ? [] : [NotRecovered(facts.Machine)]);
        }
        if (CodeInterpreter.IsArm64(facts.Machine) && Arm64Code.Of(image).LoadError is { } loadError)
        {
            return new Result(empty, [$"the code of this {facts.Machine} binary, because Capstone, the disassembler that decodes ARM64 code, did not load: {loadError}"]);
        }
        if (facts.Machine == "arm64x")
        {
            notes.Add("the ARM64EC half of this ARM64X image, the code x64 worker processes on ARM64 Windows run (its native ARM64 code, which arm64 worker processes run, was recovered and checked)");
        }

        var observer = new RegisterModuleObserver(image, new ParameterValue(1), depth: 0);
        var interpreter = CodeInterpreter.For(image, observer);
        interpreter.Run(entry.Rva, interpreter.EntryState(3, isMember: false));
        if ((interpreter.Truncated || observer.HelperTruncated) && !image.Budget.IsExhausted)
        {
            notes.Add($"RegisterModule was not followed to its end (more than {InterpreterLimits.MaxInstructions} instructions or {InterpreterLimits.MaxPaths} paths): registrations may be missing");
        }
        if (!observer.Calls.Any(call => call.Slot is 2 or 3))
        {
            notes.Add(observer.Calls.Count == 0
                ? "no SetRequestNotifications or SetGlobalNotifications call was found in RegisterModule (a registration computed at run time or made through code the recovery does not follow)"
                : "only SetPriorityFor*Notification calls were found in RegisterModule, no SetRequestNotifications or SetGlobalNotifications call: the registrations themselves were not recovered");
        }

        var classes = new Dictionary<uint, ModuleClass>();
        var registrations = new List<Registration>();
        var priorities = new List<PriorityRegistration>();
        foreach (var call in observer.Calls.OrderBy(call => call.Rva))
        {
            var location = SourceLocation.InBinary(path, call.Rva, SlotName(call.Slot));
            switch (call.Slot)
            {
                case 2:
                    registrations.Add(RequestRegistration(call, location, classes, notes));
                    break;
                case 3:
                    registrations.Add(GlobalRegistration(call, location, classes, notes));
                    break;
                default:
                    var alias = call.Arguments[1] is ImageAddress(var text) ? image.ReadWideString(text) : null;
                    priorities.Add(new PriorityRegistration(call.Slot == 5 ? NotificationKind.Global : NotificationKind.Request, call.Slot == 6,
                        Mask(call.Arguments[0]), alias, location));
                    break;
            }
        }
        if (image.Budget.ExhaustedBy is { } limit)
        {
            notes.Insert(0, $"the recovery budget was exceeded ({limit} for all the code of this DLL, {image.Budget.Spent:N0} spent); the registrations found before it ran out are reported, the module classes are not");
            // A slot not classified before the budget ran out would look overridden: no class facts rather than wrong ones.
            classes.Clear();
            registrations = [.. registrations.Select(registration => registration with
            {
                ModuleClass = null,
                Confidence = registration.Confidence == Confidence.Exact ? Confidence.Partial : registration.Confidence,
                ConfidenceReason = registration.ConfidenceReason ?? "the recovery budget was exceeded before the module class was read",
            })];
        }
        var model = empty with
        {
            Registrations = registrations,
            Priorities = priorities,
            Classes = [.. classes.Values.OrderBy(moduleClass => moduleClass.Location.Rva)],
        };
        return new Result(model, notes);
    }

    private static string NotRecovered(string machine) => machine == "arm64ec"
        ? "the code of this ARM64EC binary: ARM64 code under x64's calling conventions, entered through the emulator's thunks, which neither the x86/x64 nor the ARM64 recovery follows"
        : $"code of {machine} binaries is not recovered (x86, x64, arm64 and the native part of arm64x are)";

    private static string SlotName(int slot) => IisContract.IHttpModuleRegistrationInfo2.Slots[slot].Name;

    /// <summary>
    /// An argument in a mask position is a value. At x86's default DLL base (0x10000000) a constant with
    /// RQ_CUSTOM_NOTIFICATION (0x10000000) set falls inside the image and was read as an address: it is the number.
    /// </summary>
    private MaskValue Mask(SymbolicValue value) => value switch
    {
        ConstantValue(var mask) when mask <= uint.MaxValue => MaskValue.Known((uint)mask),
        ImageAddress(var rva) when image.ImageBase + rva <= uint.MaxValue => MaskValue.Known((uint)(image.ImageBase + rva)),
        _ => MaskValue.Unknown("the mask is computed at run time in the binary"),
    };

    private Registration RequestRegistration(RecoveredCall call, SourceLocation location, Dictionary<uint, ModuleClass> classes, List<string> notes)
    {
        var (mask, post) = (Mask(call.Arguments[1]), Mask(call.Arguments[2]));
        var masksKnown = mask.IsKnown && post.IsKnown;
        string? reason;
        ModuleClass? module = null;
        if (call.ObjectVtable is not { } factoryVtable)
        {
            reason = call.Arguments[0] is ImageAddress
                ? "the factory is a global object constructed at run time"
                : "the factory object could not be followed to its vtable";
        }
        else if (image.ReadPointer(factoryVtable) is not { } getHttpModule || !image.IsInImage(getHttpModule))
        {
            reason = $"the factory vtable at RVA 0x{factoryVtable:X} has no GetHttpModule in slot 0";
        }
        else
        {
            var factory = new FactoryObserver();
            var interpreter = CodeInterpreter.For(image, factory);
            interpreter.Run((uint)(getHttpModule - image.ImageBase), interpreter.EntryState(3, isMember: true));
            // A class that is its own factory returns 'this' adjusted to its CHttpModule part: the vtable there.
            var moduleVtable = factory.ModuleVtable
                ?? (factory.ReturnsSelfPlus is { } adjustment && call.Object is var (_, offset) ? call.VtableAt(offset + adjustment) : null);
            if (moduleVtable is { } vtable)
            {
                module = Class(vtable, IisContract.CHttpModule, classes, notes);
                reason = null;
            }
            else if (factory.ReturnsSelfPlus is not null)
            {
                reason = "GetHttpModule returns the factory object itself, whose module part the code does not show";
            }
            else
            {
                reason = factory.Problem ?? "GetHttpModule does not visibly store a new module in *ppModule";
            }
        }
        if (reason is not null)
        {
            notes.Add($"{location.Symbol} at RVA 0x{call.Rva:X}: the module class was not recovered: {reason}");
        }
        if (!masksKnown)
        {
            notes.Add($"{location.Symbol} at RVA 0x{call.Rva:X}: {(mask.IsKnown ? post : mask).UnknownReason}");
        }
        var confidence = masksKnown && module is not null ? Confidence.Exact : masksKnown || module is not null ? Confidence.Partial : Confidence.Unknown;
        return new Registration(RegistrationKind.Request, call.ObjectVtable is { } v ? VtableName(v) : null, module?.Name, mask, post, location,
            EvidenceSource.Binary, confidence, reason ?? mask.UnknownReason ?? post.UnknownReason);
    }

    private Registration GlobalRegistration(RecoveredCall call, SourceLocation location, Dictionary<uint, ModuleClass> classes, List<string> notes)
    {
        var mask = Mask(call.Arguments[1]);
        var module = call.ObjectVtable is { } vtable ? Class(vtable, IisContract.CGlobalModule, classes, notes) : null;
        var reason = module is null ? "the global module object could not be followed to its vtable" : null;
        if (reason is not null)
        {
            notes.Add($"{location.Symbol} at RVA 0x{call.Rva:X}: {reason}");
        }
        if (!mask.IsKnown)
        {
            notes.Add($"{location.Symbol} at RVA 0x{call.Rva:X}: {mask.UnknownReason}");
        }
        var confidence = mask.IsKnown && module is not null ? Confidence.Exact : mask.IsKnown || module is not null ? Confidence.Partial : Confidence.Unknown;
        return new Registration(RegistrationKind.Global, null, module?.Name, mask, MaskValue.Known(0), location, EvidenceSource.Binary, confidence,
            reason ?? mask.UnknownReason);
    }

    /// <summary>The class's name from RTTI when the image has it (/GR), else its vtable's address.</summary>
    private string VtableName(uint rva) => new RttiReader(image).ClassName(rva) ?? $"class with vftable at RVA 0x{rva:X}";

    /// <summary>
    /// The module class behind a vtable: every handler slot that is not the base default is an override. A default
    /// whose OutputDebugStringA(__FUNCTION__) string names another method than its slot's is said in a note: the
    /// vtable may not have the layout it was read with.
    /// </summary>
    private ModuleClass Class(uint vtable, ClassLayout layout, Dictionary<uint, ModuleClass> classes, List<string> notes)
    {
        if (classes.TryGetValue(vtable, out var known))
        {
            return known;
        }
        var recovered = RecoverClass(vtable, layout);
        foreach (var (slot, name) in recovered.NameCheck.Where(check => check.Value != layout.Slots[check.Key].Name).OrderBy(check => check.Key))
        {
            notes.Add($"the base default in slot {slot} of the vftable at RVA 0x{vtable:X} names {name}, not {layout.Slots[slot].Name}: the slots of this class may be misread");
        }
        var handlers = layout.Slots
            .Where(slot => slot.Default == DefaultBehavior.DebugBreak && recovered.SlotTargets.ContainsKey(slot.Slot) && !recovered.DefaultSlots.Contains(slot.Slot))
            .Select(slot => new Handler(slot.Name, [.. slot.ParameterTypes.Select(type => new ParameterType(type, type))], Overrides: true,
                SourceLocation.InBinary(path, recovered.SlotTargets[slot.Slot], slot.Name), []))
            .ToList();
        var moduleClass = new ModuleClass(VtableName(vtable), layout == IisContract.CHttpModule ? ModuleBase.HttpModule : ModuleBase.GlobalModule,
            [layout.ClassName], handlers, SourceLocation.InBinary(path, vtable, "vftable", SymbolKinds.Variable));
        classes[vtable] = moduleClass;
        return moduleClass;
    }

    internal RecoveredClass RecoverClass(uint vtable, ClassLayout layout)
    {
        var targets = new Dictionary<int, uint>();
        var defaults = new HashSet<int>();
        var names = new Dictionary<int, string>();
        var classifier = new SlotClassifier(image);
        var verdicts = new Dictionary<uint, (bool IsDefault, string? Name)>();
        foreach (var slot in layout.Slots)
        {
            if (image.ReadPointer(vtable + (uint)(slot.Slot * image.PointerSize)) is not { } address || !image.IsInImage(address))
            {
                continue;
            }
            var target = (uint)(address - image.ImageBase);
            targets[slot.Slot] = target;
            if (slot.Default != DefaultBehavior.DebugBreak)
            {
                continue;
            }
            if (!verdicts.TryGetValue(target, out var verdict))
            {
                verdict = verdicts[target] = classifier.Classify(target);
            }
            if (verdict.IsDefault)
            {
                defaults.Add(slot.Slot);
            }
            if (verdict.Name is { } name)
            {
                names[slot.Slot] = name;
            }
        }
        return new RecoveredClass(vtable, layout, targets, defaults, names);
    }
}
