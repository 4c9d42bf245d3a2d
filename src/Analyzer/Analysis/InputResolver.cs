using Microsoft.Extensions.FileSystemGlobbing;

namespace IisModuleValidator.Analysis;

/// <summary>
/// Turns command-line inputs into files: a file as given, a folder as every *.dll below it, a pattern with
/// * ? or ** by globbing. Inputs that match nothing become IISM9001 notifications; the others go on.
/// </summary>
public static class InputResolver
{
    private static readonly char[] GlobCharacters = ['*', '?', '['];

    public sealed record Resolution(IReadOnlyList<string> Files, IReadOnlyList<ToolNotification> Notifications);

    public static Resolution Resolve(IEnumerable<string> inputs, string baseDirectory, Catalog.RuleCatalog catalog)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var notifications = new List<ToolNotification>();
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input, baseDirectory);
            if (File.Exists(full))
            {
                files.Add(full);
            }
            else if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full, "*.dll", new EnumerationOptions { RecurseSubdirectories = true, MatchCasing = MatchCasing.CaseInsensitive }).ToList();
                if (found.Count == 0)
                {
                    notifications.Add(NotFound(catalog, input, "is a folder with no *.dll file in it"));
                }
                files.UnionWith(found);
            }
            else if (input.IndexOfAny(GlobCharacters) >= 0)
            {
                var found = Glob(input, baseDirectory);
                if (found.Count == 0)
                {
                    notifications.Add(NotFound(catalog, input, "matched no file"));
                }
                files.UnionWith(found);
            }
            else
            {
                notifications.Add(NotFound(catalog, input, "does not exist"));
            }
        }
        return new Resolution([.. files], notifications);
    }

    private static ToolNotification NotFound(Catalog.RuleCatalog catalog, string input, string what)
    {
        var descriptor = catalog[ToolNotificationIds.InputNotFound];
        return new(descriptor.Id, descriptor.DefaultLevel, descriptor.FormatMessage([input, what]), null);
    }

    /// <summary>Globs from the longest leading part of the pattern that has no wildcard.</summary>
    private static List<string> Glob(string pattern, string baseDirectory)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        var fixedCount = segments.TakeWhile(segment => segment.IndexOfAny(GlobCharacters) < 0).Count();
        var root = fixedCount == 0 ? "" : string.Join('/', segments[..fixedCount]);
        if (normalized.StartsWith('/') && root.Length == 0)
        {
            root = "/";
        }
        var rootDirectory = Path.GetFullPath(root.Length == 0 ? "." : root, baseDirectory);
        if (!Directory.Exists(rootDirectory))
        {
            return [];
        }
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddInclude(string.Join('/', segments[fixedCount..]));
        return [.. matcher.GetResultsInFullPath(rootDirectory).Select(Path.GetFullPath)];
    }
}
