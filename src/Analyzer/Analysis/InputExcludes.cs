using Microsoft.Extensions.FileSystemGlobbing;

namespace IisModuleValidator.Analysis;

/// <summary>A glob of inputs to leave out ('**/thirdparty/**'), relative to <paramref name="Root"/>: the base folder for
/// --exclude, the configuration file's folder for its "exclude".</summary>
/// <param name="Origin">Where it was given, for --verbose ("--exclude", or the configuration file).</param>
public sealed record ExcludePattern(string Root, string Glob, string Origin);

/// <summary>
/// Leaves out the resolved inputs that an exclude pattern matches, whether a folder walk, a pattern or the command line
/// named them: a pipeline that checks 'out/**/*.dll' beside vendored DLLs says once what is not its own. A folder input
/// (loose sources) is matched as the files inside it would be.
/// </summary>
internal static class InputExcludes
{
    public static (List<ResolvedInput> Kept, List<string> Excluded) Apply(IReadOnlyList<ResolvedInput> inputs, IReadOnlyList<ExcludePattern> excludes)
    {
        var matchers = excludes.Select(exclude =>
        {
            var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
            matcher.AddInclude(exclude.Glob.Replace('\\', '/'));
            return (Pattern: exclude, Matcher: matcher);
        }).ToList();
        var kept = new List<ResolvedInput>();
        var excluded = new List<string>();
        foreach (var input in inputs)
        {
            var probe = input.Kind == InputKind.SourceFolder ? Path.Combine(input.FullPath, "_") : input.FullPath;
            var hit = matchers.FirstOrDefault(candidate => Io.PathContainment.IsInside(candidate.Pattern.Root, probe)
                                                           && candidate.Matcher.Match(candidate.Pattern.Root, probe).HasMatches);
            if (hit.Matcher is null)
            {
                kept.Add(input);
            }
            else
            {
                excluded.Add($"{input.FullPath}: excluded by {hit.Pattern.Origin} '{hit.Pattern.Glob}'");
            }
        }
        return (kept, excluded);
    }
}
