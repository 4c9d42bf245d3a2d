using System.Text.Json;
using System.Xml.Linq;
using IisModuleValidator.FrontEnds.Cpp.Projects;
using Microsoft.Extensions.FileSystemGlobbing;

namespace IisModuleValidator.FrontEnds.CSharp;

/// <summary>
/// The C# sources of one module as `dotnet build` compiles them: an SDK-style .csproj (its default **/*.cs plus
/// Compile Include/Remove), its implicit usings, the projects it references (compiled on their own and referenced,
/// as the build does) and the compile assemblies of its restored packages (obj/project.assets.json).
/// </summary>
/// <param name="ProjectReferences">Referenced C# projects, loaded the same way.</param>
/// <param name="PackageAssemblies">The compile-time assemblies of the restored PackageReferences.</param>
/// <param name="GlobalUsings">Namespaces imported everywhere (ImplicitUsings and &lt;Using&gt; items).</param>
/// <param name="Problems">What of the project could not be taken: a missing referenced project, packages not restored.</param>
public sealed record CSharpProject(string InputPath, IReadOnlyList<string> Files)
{
    private const int MaxReferenceDepth = 16;

    // What Microsoft.NET.Sdk imports when ImplicitUsings is enabled.
    private static readonly string[] ImplicitNamespaces =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    public IReadOnlyList<CSharpProject> ProjectReferences { get; init; } = [];

    public IReadOnlyList<string> PackageAssemblies { get; init; } = [];

    public IReadOnlyList<string> GlobalUsings { get; init; } = [];

    public IReadOnlyList<string> Problems { get; init; } = [];

    public static CSharpProject FromFile(string path) => new(path, [path]);

    public static CSharpProject Load(string projectPath) => Load(Path.GetFullPath(projectPath), [], 0);

    private static CSharpProject Load(string projectPath, HashSet<string> loading, int depth)
    {
        var document = Io.SafeXml.Load(projectPath, LoadOptions.None);
        var directory = Path.GetDirectoryName(projectPath)!;
        IEnumerable<XElement> Elements(string name) => document.Descendants().Where(element => element.Name.LocalName == name);
        string? Property(string name) => Elements(name).Select(element => element.Value.Trim()).LastOrDefault(value => value.Length > 0);

        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        if (!string.Equals(Property("EnableDefaultCompileItems"), "false", StringComparison.OrdinalIgnoreCase))
        {
            matcher.AddInclude("**/*.cs");
        }
        matcher.AddExclude("bin/**");
        matcher.AddExclude("obj/**");
        var files = new SortedSet<string>(matcher.GetResultsInFullPath(directory).Select(Path.GetFullPath), StringComparer.Ordinal);
        foreach (var item in Elements("Compile"))
        {
            foreach (var (attribute, add) in new[] { ("Include", true), ("Remove", false) })
            {
                if (item.Attribute(attribute)?.Value is not { } pattern)
                {
                    continue;
                }
                foreach (var part in pattern.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var glob = new Matcher(StringComparison.OrdinalIgnoreCase);
                    glob.AddInclude(part.Replace('\\', '/'));
                    var matched = part.IndexOfAny(['*', '?']) >= 0
                        ? glob.GetResultsInFullPath(directory).Select(Path.GetFullPath)
                        : [WindowsPath.Resolve(part, directory)];
                    foreach (var file in matched)
                    {
                        _ = add ? files.Add(file) : files.Remove(file);
                    }
                }
            }
        }

        var problems = new List<string>();
        var references = new List<CSharpProject>();
        loading.Add(projectPath);
        foreach (var reference in Elements("ProjectReference").Select(element => element.Attribute("Include")?.Value).OfType<string>())
        {
            var path = WindowsPath.Resolve(reference, directory);
            if (!path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || loading.Contains(path) || depth >= MaxReferenceDepth)
            {
                continue;
            }
            if (!File.Exists(path))
            {
                problems.Add($"the referenced project '{reference}' does not exist, so the types it declares are unknown");
                continue;
            }
            try
            {
                var referenced = Load(path, loading, depth + 1);
                references.Add(referenced);
                problems.AddRange(referenced.Problems);
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"the referenced project '{reference}' could not be read: {exception.Message}");
            }
        }
        loading.Remove(projectPath);

        var usings = new List<string>();
        if (Property("ImplicitUsings") is { } implicitUsings && (implicitUsings.Equals("enable", StringComparison.OrdinalIgnoreCase) || implicitUsings.Equals("true", StringComparison.OrdinalIgnoreCase)))
        {
            usings.AddRange(ImplicitNamespaces);
        }
        usings.AddRange(Elements("Using").Where(element => element.Attribute("Alias") is null && element.Attribute("Static") is null)
            .Select(element => element.Attribute("Include")?.Value).OfType<string>());
        usings.RemoveAll(name => Elements("Using").Any(element => element.Attribute("Remove")?.Value == name));

        var packages = Elements("PackageReference").Select(element => element.Attribute("Include")?.Value).OfType<string>().ToList();
        var assets = Path.Combine(directory, Property("BaseIntermediateOutputPath") is { } obj ? WindowsPath.Resolve(obj, directory) : "obj", "project.assets.json");
        IReadOnlyList<string> packageAssemblies = [];
        if (File.Exists(assets))
        {
            packageAssemblies = CompileAssemblies(assets, problems);
        }
        else if (packages.Count > 0)
        {
            problems.Add($"its PackageReferences ({string.Join(", ", packages)}) are not restored (no {Path.GetRelativePath(directory, assets)}): run 'dotnet restore {Path.GetFileName(projectPath)}' first, or the types they declare are unknown");
        }

        return new CSharpProject(projectPath, [.. files])
        {
            ProjectReferences = references,
            PackageAssemblies = packageAssemblies,
            GlobalUsings = [.. usings.Distinct(StringComparer.Ordinal)],
            Problems = problems,
        };
    }

    /// <summary>The compile-time assemblies of every package of the restore's first target, as the build references them.</summary>
    private static IReadOnlyList<string> CompileAssemblies(string assetsPath, List<string> problems)
    {
        using var assets = JsonDocument.Parse(Io.SafeFile.ReadAllText(assetsPath));
        var root = assets.RootElement;
        var folders = root.TryGetProperty("packageFolders", out var packageFolders) ? packageFolders.EnumerateObject().Select(folder => folder.Name).ToList() : [];
        if (!root.TryGetProperty("targets", out var targets) || targets.EnumerateObject().FirstOrDefault() is not { Value.ValueKind: JsonValueKind.Object } target
            || !root.TryGetProperty("libraries", out var libraries))
        {
            return [];
        }
        var assemblies = new List<string>();
        foreach (var library in target.Value.EnumerateObject())
        {
            if (!library.Value.TryGetProperty("type", out var type) || type.GetString() != "package" || !library.Value.TryGetProperty("compile", out var compile)
                || !libraries.TryGetProperty(library.Name, out var info) || !info.TryGetProperty("path", out var relative))
            {
                continue;
            }
            foreach (var file in compile.EnumerateObject().Select(entry => entry.Name).Where(name => name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
            {
                var candidates = folders.Select(folder => Path.Combine(folder, relative.GetString() ?? "", file)).Where(File.Exists).ToList();
                // The assets file is the repository's to write: only a regular file under the binary cap is loaded (a FIFO
                // named as a compile assembly would block Roslyn's read forever).
                var found = candidates.FirstOrDefault(candidate => Io.FileStatus.KindOf(candidate) == Io.FileKind.RegularFile
                                                                   && new FileInfo(candidate).Length <= Io.SafeFile.MaxBinaryBytes);
                if (found is not null)
                {
                    assemblies.Add(Path.GetFullPath(found));
                }
                else if (candidates.Count > 0)
                {
                    problems.Add($"'{Io.BoundedText.Of(file)}' of package {Io.BoundedText.Of(library.Name)} is not a regular file under {Io.SafeFile.MaxBinaryBytes / (1024 * 1024)} MiB, so it is not loaded");
                }
            }
        }
        return assemblies;
    }
}
