namespace IisModuleValidator.FrontEnds.Cpp;

/// <summary>
/// Which configurations of a project need a parse of their own. Debug and Release usually differ only in _DEBUG and
/// NDEBUG, which the module's own code never tests: both parse to the same module facts, so the second is not parsed
/// again. A configuration is folded into an earlier one only when both target the same platform (Win32 and x64 differ in
/// calling conventions and type sizes, which change what overrides what), list the same units with the same include
/// folders, flags and precompiled header, and no unit that can hold a module fact, nor a local header it reaches, names
/// a macro the two define differently. System headers are not looked at: what _DEBUG changes in the STL or ATL is no
/// module fact. Export facts are not affected: every configuration's exports are in every parsed model.
/// </summary>
internal static class ConfigurationFolding
{
    /// <summary>A configuration that is parsed, and those parsed as it, each with the macros it defines otherwise.</summary>
    public sealed record Group(CppProject Parsed, IReadOnlyList<(CppProject Configuration, IReadOnlyList<string> Macros)> Folded);

    /// <summary>The configurations in groups, in their order; <paramref name="evidence"/> has read what was needed to decide.</summary>
    public static IReadOnlyList<Group> Fold(IReadOnlyList<CppProject> configurations, out ModuleEvidence evidence)
    {
        // Watched: every define some unit lacks. A unit's own define is watched too; only a difference is ever asked about.
        var units = configurations.SelectMany(project => project.Units).ToList();
        var common = units.Count == 0 ? [] : units.Skip(1).Aggregate(units[0].Defines.ToHashSet(StringComparer.Ordinal), (kept, unit) =>
        {
            kept.IntersectWith(unit.Defines);
            return kept;
        });
        var watched = units.SelectMany(unit => unit.Defines).Where(define => !common.Contains(define)).Select(MacroName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var reading = new ModuleEvidence(watched);
        evidence = reading;
        var groups = new List<(CppProject Parsed, List<(CppProject, IReadOnlyList<string>)> Folded)>();
        foreach (var configuration in configurations)
        {
            var into = groups.Select(group => (group, Macros: FoldableInto(group.Parsed, configuration, reading))).FirstOrDefault(candidate => candidate.Macros is not null);
            if (into.Macros is { } macros)
            {
                into.group.Folded.Add((configuration, macros));
            }
            else
            {
                groups.Add((configuration, []));
            }
        }
        return [.. groups.Select(group => new Group(group.Parsed, group.Folded))];
    }

    /// <summary>The macros <paramref name="candidate"/> defines otherwise than <paramref name="parsed"/> when it parses to the same facts, else null.</summary>
    private static IReadOnlyList<string>? FoldableInto(CppProject parsed, CppProject candidate, ModuleEvidence evidence)
    {
        // Two CMake targets are two modules, even with the same sources: only configurations of one project fold.
        if (parsed.InputPath != candidate.InputPath
            || !parsed.Exports.Select(Described).SequenceEqual(candidate.Exports.Select(Described), StringComparer.Ordinal)
            || !string.Equals(parsed.Platform, candidate.Platform, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(parsed.ConfigurationType, candidate.ConfigurationType, StringComparison.OrdinalIgnoreCase)
            || parsed.Units.Count != candidate.Units.Count
            || !parsed.ProblemList.SequenceEqual(candidate.ProblemList, StringComparer.Ordinal))
        {
            return null;
        }
        var macros = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (mine, theirs) in parsed.Units.Zip(candidate.Units))
        {
            if (mine.SourcePath != theirs.SourcePath || mine.PrecompiledHeaderFile != theirs.PrecompiledHeaderFile
                || !mine.IncludeDirectories.SequenceEqual(theirs.IncludeDirectories, StringComparer.Ordinal)
                || !mine.ExtraArguments.SequenceEqual(theirs.ExtraArguments, StringComparer.Ordinal))
            {
                return null;
            }
            var differing = mine.Defines.Except(theirs.Defines, StringComparer.Ordinal).Concat(theirs.Defines.Except(mine.Defines, StringComparer.Ordinal)).ToList();
            if (differing.Count == 0)
            {
                continue;
            }
            var names = differing.Select(MacroName).ToList();
            // A define that names no macro (a stray '=', a quote) cannot be judged: the configuration is parsed.
            if (names.Any(name => name is null))
            {
                return null;
            }
            var set = names.OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (evidence.CanHoldModule(mine) && evidence.Mentions(mine, set))
            {
                return null;
            }
            macros.UnionWith(set);
        }
        return [.. macros];
    }

    private static string Described(Model.ExportConfiguration exports) =>
        string.Join('\n', [exports.Name, exports.Platform, exports.DefFile ?? "", exports.DefFileExists.ToString(), exports.DefFileExportsRegisterModule.ToString(), .. exports.LinkerExports]);

    /// <summary>The macro a define defines ("NAME", "NAME=value", "NAME(args)=body"), or null when it names none.</summary>
    private static string? MacroName(string define)
    {
        var length = 0;
        while (length < define.Length && (char.IsAsciiLetterOrDigit(define[length]) || define[length] == '_'))
        {
            length++;
        }
        return length > 0 && !char.IsAsciiDigit(define[0]) && (length == define.Length || define[length] is '=' or '(') ? define[..length] : null;
    }
}
