using System.Xml.Linq;
using Microsoft.Extensions.FileSystemGlobbing;

namespace IisModuleValidator.FrontEnds.CSharp;

/// <summary>The C# files of one module: an SDK-style .csproj (its default **/*.cs plus Compile Include/Remove), or files.</summary>
public sealed record CSharpProject(string InputPath, IReadOnlyList<string> Files)
{
    public static CSharpProject FromFile(string path) => new(path, [path]);

    public static CSharpProject Load(string projectPath)
    {
        var document = Io.SafeXml.Load(projectPath, System.Xml.Linq.LoadOptions.None);
        var directory = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        var defaultItems = !string.Equals(document.Descendants().FirstOrDefault(e => e.Name.LocalName == "EnableDefaultCompileItems")?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        if (defaultItems)
        {
            matcher.AddInclude("**/*.cs");
        }
        matcher.AddExclude("bin/**");
        matcher.AddExclude("obj/**");
        var files = new SortedSet<string>(matcher.GetResultsInFullPath(directory).Select(Path.GetFullPath), StringComparer.Ordinal);
        foreach (var item in document.Descendants().Where(e => e.Name.LocalName == "Compile"))
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
                        : [Path.GetFullPath(part.Replace('\\', '/'), directory)];
                    foreach (var file in matched)
                    {
                        _ = add ? files.Add(file) : files.Remove(file);
                    }
                }
            }
        }
        return new CSharpProject(projectPath, [.. files]);
    }
}
