using IisModuleValidator.FrontEnds.Cpp;
using IisModuleValidator.FrontEnds.Cpp.Projects;
using IisModuleValidator.Io;
using Microsoft.Extensions.FileSystemGlobbing;

namespace IisModuleValidator.Analysis;

/// <summary>What kind of thing an input is, which decides the front end that reads it.</summary>
public enum InputKind
{
    Binary,
    VcxProject,
    /// <summary>A Visual Studio 2005/2008 .vcproj.</summary>
    VcProject,
    CompileCommands,
    SourceFolder,
    SourceFile,
    CSharpProject,
    CSharpFile,
    /// <summary>An IIS configuration: applicationHost.config or a web.config.</summary>
    IisConfig,
    /// <summary>A CMake tree's top CMakeLists.txt: one module per shared-library target.</summary>
    CMakeProject,
}

public sealed record ResolvedInput(string FullPath, InputKind Kind);

/// <summary>
/// Turns command-line inputs into things to analyze. A file by its name (.vcxproj, .csproj, compile_commands.json, a
/// C++ or C# source, any .config as IIS configuration, else a binary). A folder: every *.dll and .csproj below it, and its
/// C++: each .vcxproj below it, else its compile_commands.json, else its top CMakeLists.txt, else the folder itself as one
/// module when it has C++ sources; never its .config files (a tree's web.config files are mostly ASP.NET's, and a
/// deployment check is asked for by naming the server's configuration, with --root). A pattern with * ? or ** by globbing. Inputs that match nothing become IISM9001 notifications; the others go on.
/// </summary>
public static class InputResolver
{
    private static readonly char[] GlobCharacters = ['*', '?', '['];

    /// <param name="Skipped">What a folder walk left out on purpose, with why (--verbose).</param>
    public sealed record Resolution(IReadOnlyList<ResolvedInput> Inputs, IReadOnlyList<ToolNotification> Notifications, IReadOnlyList<string> Skipped);

    public static Resolution Resolve(IEnumerable<string> inputs, string baseDirectory, Catalog.RuleCatalog catalog)
    {
        var resolved = new Dictionary<string, ResolvedInput>(StringComparer.Ordinal);
        var notifications = new List<ToolNotification>();
        var walker = new FolderWalker();
        // One file named twice (two spellings, a link, another case on Windows) is one input.
        var identities = new HashSet<FileIdentity>();
        void Add(ResolvedInput input)
        {
            if (FileStatus.IdentityOf(input.FullPath) is not { } identity || identities.Add(identity))
            {
                resolved.TryAdd(input.FullPath, input);
            }
        }

        foreach (var input in inputs)
        {
            if (input.Contains('\0'))
            {
                notifications.Add(NotFound(catalog, input.Replace('\0', '?'), "contains a NUL character, which no file name can"));
                continue;
            }
            var full = Path.GetFullPath(input, baseDirectory);
            var kind = FileStatus.KindOf(full);
            if (kind == FileKind.RegularFile && SolutionFile.IsSolution(full))
            {
                // A solution stands for its C++ and C# projects; the ones that are not modules are told apart later.
                try
                {
                    var (projects, missing, passedOver) = SolutionFile.Projects(full);
                    projects.Select(ForFile).ToList().ForEach(Add);
                    notifications.AddRange(missing.Select(project => NotFound(catalog, project, $"is listed in {Path.GetFileName(full)} but does not exist")));
                    walker.Skipped.AddRange(passedOver);
                }
                catch (Exception exception) when (exception is IOException or InvalidDataException)
                {
                    notifications.Add(ToolNotification.Create(catalog, ToolNotificationIds.ProjectUnreadable, full, exception.Message));
                }
            }
            else if (kind is FileKind.RegularFile or FileKind.Special)
            {
                // A FIFO or device is still an input: reading it is refused with a notification that names it.
                Add(ForFile(full));
            }
            else if (kind == FileKind.Directory)
            {
                var found = ForFolder(full, walker);
                if (found.Count == 0)
                {
                    notifications.Add(NotFound(catalog, input, "is a folder with no *.dll, project or C++ source in it"));
                }
                found.ForEach(Add);
            }
            else if (input.IndexOfAny(GlobCharacters) >= 0)
            {
                var found = Glob(input, baseDirectory, walker);
                if (found.Count == 0)
                {
                    notifications.Add(NotFound(catalog, input, "matched no file"));
                }
                found.Select(ForFile).ToList().ForEach(Add);
            }
            else
            {
                notifications.Add(NotFound(catalog, input, "does not exist"));
            }
        }
        notifications.AddRange(walker.Unreadable.Select(folder =>
            ToolNotification.Create(catalog, ToolNotificationIds.InputUnreadable, folder.Path, $"the folder could not be listed ({folder.Reason}); what is below it was not checked")));
        return new Resolution([.. resolved.Values.OrderBy(input => input.FullPath, StringComparer.Ordinal)], notifications, walker.Skipped);
    }

    private static ResolvedInput ForFile(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".vcxproj" => new(path, InputKind.VcxProject),
        ".vcproj" => new(path, InputKind.VcProject),
        ".csproj" => new(path, InputKind.CSharpProject),
        ".cs" => new(path, InputKind.CSharpFile),
        // Named directly, any .config is read as IIS configuration (applicationHost.staging.config, Web.Release.config); its
        // reader says when its root is not <configuration>. A folder walk takes none: see ForFolder.
        ".config" => new(path, InputKind.IisConfig),
        ".json" when Path.GetFileName(path).Equals("compile_commands.json", StringComparison.OrdinalIgnoreCase) => new(path, InputKind.CompileCommands),
        ".txt" when Path.GetFileName(path).Equals("CMakeLists.txt", StringComparison.OrdinalIgnoreCase) => new(path, InputKind.CMakeProject),
        var extension when CppFileKinds.SourceExtensions.Contains(extension) => new(path, InputKind.SourceFile),
        _ => new(path, InputKind.Binary),
    };

    private static List<ResolvedInput> ForFolder(string folder, FolderWalker walker)
    {
        var files = walker.Files(folder).ToList();
        List<string> WithExtension(string extension) => [.. files.Where(path => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase))];
        var found = WithExtension(".dll").Select(path => new ResolvedInput(path, InputKind.Binary)).ToList();
        found.AddRange(WithExtension(".csproj").Select(path => new ResolvedInput(path, InputKind.CSharpProject)));
        var projects = WithExtension(".vcxproj").Select(path => new ResolvedInput(path, InputKind.VcxProject)).ToList();
        // A VS2008 project, unless Visual Studio converted it and left it beside its .vcxproj.
        projects.AddRange(WithExtension(".vcproj")
            .Where(path => !File.Exists(Path.ChangeExtension(path, ".vcxproj")))
            .Select(path => new ResolvedInput(path, InputKind.VcProject)));
        var compileCommands = Path.Combine(folder, "compile_commands.json");
        if (projects.Count > 0)
        {
            found.AddRange(projects);
        }
        else if (File.Exists(compileCommands))
        {
            found.Add(new ResolvedInput(compileCommands, InputKind.CompileCommands));
        }
        else if (Path.Combine(folder, "CMakeLists.txt") is var cmakeLists && File.Exists(cmakeLists))
        {
            // The top CMakeLists.txt stands for the tree: what it does not add is not built.
            found.Add(new ResolvedInput(cmakeLists, InputKind.CMakeProject));
        }
        else if (FolderProject.HasSources(folder))
        {
            found.Add(new ResolvedInput(folder, InputKind.SourceFolder));
        }
        return found;
    }

    private static ToolNotification NotFound(Catalog.RuleCatalog catalog, string input, string what) =>
        ToolNotification.Create(catalog, ToolNotificationIds.InputNotFound, null, input, what);

    /// <summary>Globs from the longest leading part of the pattern that has no wildcard.</summary>
    private static List<string> Glob(string pattern, string baseDirectory, FolderWalker walker)
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
        // Our walker, not the matcher's: it does not follow directory links.
        var result = matcher.Match(rootDirectory, walker.Files(rootDirectory));
        return [.. result.Files.Select(match => Path.GetFullPath(match.Path, rootDirectory))];
    }
}
