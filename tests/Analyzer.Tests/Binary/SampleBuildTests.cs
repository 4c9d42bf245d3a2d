using IisModuleValidator.Analysis;
using IisModuleValidator.Contract;
using IisModuleValidator.Model;

namespace IisModuleValidator.Tests.Binary;

/// <summary>
/// Against a fresh build of the samples (clang-cl-19 + lld-link-19, /Brepro, with linker maps): the committed DLLs
/// are byte-identical to it, and what the binary recovery finds in the optimised and the unoptimised builds agrees
/// with the linker map (vtable addresses, the slots still pointing at CHttpModule's and CGlobalModule's defaults) and
/// with the C++ front end (the masks).
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class SampleBuildTests(SampleBuildFixture build) : IClassFixture<SampleBuildFixture>
{
    private static IEnumerable<string> Relative(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(root, path)).Order(StringComparer.Ordinal);

    [Fact]
    public void Rebuilding_the_samples_gives_byte_identical_binaries()
    {
        Assert.Equal(Relative(TestPaths.SampleBinaries), Relative(build.Binaries));
        foreach (var relative in Relative(build.Binaries))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(build.Binaries, relative)).SequenceEqual(File.ReadAllBytes(TestPaths.Sample(relative))),
                $"{relative} differs from the committed samples/bin/{relative}; run 'bash samples/build.sh' and commit the result");
        }
    }

    public static TheoryData<string> Variants() => new(SampleBuildFixture.Variants);

    [Theory]
    [MemberData(nameof(Variants))]
    public void Recovered_module_vtables_and_default_slots_match_the_linker_map(string variant)
    {
        var problems = new List<string>();
        var checkedClasses = 0;
        var binaries = build.BinariesOf(variant);
        foreach (var relative in Relative(binaries))
        {
            var dll = Path.Combine(binaries, relative);
            var report = new ModuleValidator().Run([dll], binaries);
            var model = report.Inputs.Single().Model!;
            var image = FrontEnds.Binary.PeImageReader.Open(File.ReadAllBytes(dll));
            var map = LinkerMap.For(build.MapsOf(variant), relative, image);

            // Every vftable in the map that holds a base default is a module vtable the recovery must find, if the module registers it.
            var expected = map.Vtables.Where(vtable => Slots(image, vtable, 17).Any(map.IsBaseDefault)).ToHashSet();
            var recovered = model.Classes.Select(moduleClass => moduleClass.Location.Rva!.Value).ToHashSet();
            if (!recovered.IsSubsetOf(expected))
            {
                problems.Add($"{relative}: recovered vtables {Hex(recovered)} are not all module vtables of the map {Hex(expected)}");
            }
            var registered = model.Registrations.Count(registration => registration.ModuleClass is not null);
            if (registered > 0 && recovered.Count == 0)
            {
                problems.Add($"{relative}: registrations name classes but none was recovered");
            }
            foreach (var moduleClass in model.Classes)
            {
                checkedClasses++;
                // With RTTI the class is named from its type descriptor (MSVC) or typeinfo name (Itanium): the name the map
                // gives its vtable (??_7Name@@6B@, _ZTV4Name).
                var mapName = map.ClassOfVtable(moduleClass.Location.Rva!.Value);
                if (variant is "GR" or "MingwO2" or "MingwO0" && moduleClass.Name != mapName)
                {
                    problems.Add($"{relative}: class at RVA 0x{moduleClass.Location.Rva:X} recovered as '{moduleClass.Name}', the map says '{mapName}'");
                }
                var layout = moduleClass.Base == ModuleBase.HttpModule ? IisContract.CHttpModule : IisContract.CGlobalModule;
                var targets = Slots(image, moduleClass.Location.Rva!.Value, layout.Slots.Count);
                // The independent check: each default's OutputDebugStringA(__FUNCTION__) string names its own slot's method.
                var slots = new FrontEnds.Binary.Recovery.BinaryModuleRecovery(image, dll).RecoverClass(moduleClass.Location.Rva!.Value, layout);
                if (slots.DefaultSlots.Count == 0 || slots.DefaultSlots.Any(slot => slots.NameCheck.GetValueOrDefault(slot) != layout.Slots[slot].Name))
                {
                    problems.Add($"{relative} {moduleClass.Name}: default slots [{string.Join(", ", slots.DefaultSlots.Order())}] named [{string.Join(", ", slots.NameCheck.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))}]");
                }
                var defaultsByMap = layout.Slots.Where(slot => slot.Default == DefaultBehavior.DebugBreak && map.IsBaseDefault(targets[slot.Slot]))
                    .Select(slot => slot.Name).ToHashSet();
                var overriddenByMap = layout.Slots.Where(slot => slot.Default == DefaultBehavior.DebugBreak).Select(slot => slot.Name).Except(defaultsByMap);
                var overriddenByRecovery = moduleClass.Handlers.Select(handler => handler.Name);
                if (!overriddenByMap.Order().SequenceEqual(overriddenByRecovery.Order()))
                {
                    problems.Add($"{relative} {moduleClass.Name}: overridden per map [{string.Join(", ", overriddenByMap.Order())}], recovered [{string.Join(", ", overriddenByRecovery.Order())}]");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedClasses >= 20, $"only {checkedClasses} module classes were recovered from the samples");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Masks_recovered_from_the_binaries_are_the_masks_in_the_sources(string variant)
    {
        var problems = new List<string>();
        var compared = 0;
        foreach (var project in Directory.EnumerateFiles(Path.Combine(TestPaths.Samples, "cpp"), "*.vcxproj", SearchOption.AllDirectories))
        {
            var name = Path.GetFileNameWithoutExtension(project);
            var (toolchain, error) = FrontEnds.Cpp.Toolchain.CppToolchain.Discover();
            Assert.True(toolchain is not null, error);
            var configurations = FrontEnds.Cpp.Projects.VcxprojProject.LoadConfigurations(project);
            foreach (var arch in new[] { "x64", "x86", "arm64", "arm64x" })
            {
                // The DLL of an architecture is compared with the Release configuration of its platform; the samples'
                // projects have no ARM64 platform, and an ARM64 build (ARM64X: its native half) sees the sources as x64
                // does (_WIN64, the same sizes).
                var configuration = configurations.FirstOrDefault(c => c.Configuration == (arch == "x86" ? "Release|Win32" : "Release|x64")) ?? configurations[0];
                var source = SourceRegistrations.GetOrAdd((project, configuration.Configuration ?? ""),
                    _ => new FrontEnds.Cpp.CppFrontEnd(toolchain).Analyze(configuration).Model.Registrations);
                var dll = Path.Combine(build.BinariesOf(variant), arch, name + ".dll");
                if (!File.Exists(dll))
                {
                    continue;
                }
                var binary = new ModuleValidator().Run([dll], build.BinariesOf(variant)).Inputs.Single().Model!.Registrations;
                if (binary.Count == 0)
                {
                    continue; // RegisterModule not exported under its name: nothing to follow
                }
                var expected = source.Select(r => (r.Kind, r.Mask.Value, r.PostMask.Value)).ToList();
                var actual = binary.Select(r => (r.Kind, r.Mask.IsKnown ? r.Mask.Value : null, r.PostMask.IsKnown ? r.PostMask.Value : null)).ToList();
                for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
                {
                    var (kind, mask, post) = i < actual.Count ? actual[i] : default;
                    if (i >= expected.Count || i >= actual.Count || expected[i].Kind != kind
                        || (mask is not null && mask != expected[i].Item2) || (post is not null && post != expected[i].Item3))
                    {
                        problems.Add($"{arch}/{name}: registration {i}: source {(i < expected.Count ? expected[i] : null)}, binary {(i < actual.Count ? actual[i] : null)}");
                    }
                    compared++;
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(compared >= 30, $"only {compared} registrations were compared");
    }

    [Theory]
    [InlineData("Od")]
    [InlineData("GR")]
    [InlineData("CFG")]
    [InlineData("MSVCDebug")]
    [InlineData("MingwO2")]
    [InlineData("MingwO0")]
    public void Other_builds_give_the_findings_of_the_committed_ones(string variant)
    {
        var expected = SampleExpectations.Load();
        var binaries = build.BinariesOf(variant);
        var report = new ModuleValidator().Run([binaries], binaries);
        foreach (var input in report.Inputs)
        {
            var relative = Path.GetRelativePath(binaries, input.FullPath).Replace('\\', '/');
            var actual = report.Findings.Where(finding => finding.InputPath == input.FullPath).Select(finding => finding.RuleId).Order(StringComparer.Ordinal);
            Assert.True(expected[relative].Where(id => id != "IISM9009").SequenceEqual(actual), $"{relative}: [{string.Join(", ", actual)}]");
        }
        // /O2 and g++ -O2 (also with /GR or /guard:cf) compute split-module's x86 and x64 mask with branch-free code the
        // recovery leaves unknown (IISM9009); ARM64 chooses it with a csinc, whose two values are followed as paths; /Od,
        // MSVC Debug shapes and -O0 keep the branches, whose constants it unites.
        Assert.Equal(variant is "Od" or "MSVCDebug" or "MingwO0" ? [] : ["IISM9009", "IISM9009"], report.Notifications.Select(notification => notification.RuleId));
    }

    // The sources are the same for every build variant: parse each configuration once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Project, string Configuration), IReadOnlyList<Registration>> SourceRegistrations = new();

    private static uint[] Slots(FrontEnds.Binary.PeImage image, uint vtable, int count) =>
        [.. Enumerable.Range(0, count).Select(slot => image.ReadPointer(vtable + (uint)(slot * image.PointerSize)) is { } address && image.IsInImage(address)
            ? (uint)(address - image.ImageBase) : 0u)];

    private static string Hex(IEnumerable<uint> values) => "[" + string.Join(", ", values.Order().Select(value => $"0x{value:X}")) + "]";
}
