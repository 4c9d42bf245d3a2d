using System.Text.RegularExpressions;
using IisModuleValidator.Io;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.Cpp.Projects.CMake;

/// <summary>
/// A CMake tree read as the Windows build would configure it, without running cmake: each add_library(… SHARED|MODULE …)
/// under the top CMakeLists.txt and the add_subdirectory() folders it reaches is one module, with its sources, include
/// folders (include_directories, target_include_directories), definitions and export (a .def among its sources,
/// /EXPORT: in target_link_options or LINK_FLAGS). Variables (set, list(APPEND), option) expand; if() is decided for
/// WIN32/MSVC (true), UNIX/APPLE (false), options and set variables, and taken when it cannot be decided;
/// configure_file() templates are expanded into a scratch folder (never into the tree) and findings in them are moved
/// back to the template. Subfolders nothing adds are not built, so they are not read.
/// </summary>
internal sealed partial class CMakeProject
{
    private const int MaxDepth = 32;

    // What one tree may cost, whatever its files say: one value or template's text (a value that doubles 40 times is a
    // terabyte), all the text that expanding produces (repeated appends copy their list each time), and the commands
    // read over all its directories. Real trees stay far below each.
    private const int MaxValueCharacters = 16 * 1024 * 1024;
    private const long MaxExpandedCharacters = 1L << 30;
    private const long MaxGeneratedCharacters = 64L * 1024 * 1024; // written to the scratch folder by configure_file()
    private const int MaxTreeCommands = 200_000;
    private const int MaxTargets = 256; // each module target is parsed on its own

    private sealed class Target(string name, string directory, int line, string listFile)
    {
        public string Name => name;
        public string Directory => directory;
        public SourceLocation Location { get; } = SourceLocation.InSource(listFile, line, 1);
        public List<string> Sources { get; } = [];
        public List<string> Includes { get; } = [];
        public List<string> Definitions { get; } = [];
        public List<string> LinkOptions { get; } = [];
        public bool ExportsAll { get; set; }
    }

    private readonly string root;
    private readonly string binaryRoot;
    private readonly List<Target> targets = [];
    private readonly Dictionary<string, string> generated = new(StringComparer.Ordinal);
    private readonly List<string> notes = [];
    private readonly List<string> problems = [];
    private readonly HashSet<string> readDirectories = new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    private long expanded;
    private long written;
    private int commandsRead;

    private CMakeProject(string root, string binaryRoot) => (this.root, this.binaryRoot) = (root, binaryRoot);

    /// <summary>
    /// One project per shared-library target; <paramref name="generatedFiles"/> maps each expanded template to the
    /// template; <paramref name="treeProblems"/> says what of the tree was not read (each target's problems hold it too).
    /// </summary>
    /// <exception cref="InvalidDataException">The tree's variables or templates expand beyond what any real tree needs.</exception>
    public static IReadOnlyList<CppProject> Load(string listFile, string scratch, out IReadOnlyDictionary<string, string> generatedFiles,
        out IReadOnlyList<string> treeProblems)
    {
        var root = Path.GetDirectoryName(Path.GetFullPath(listFile))!;
        var project = new CMakeProject(root, scratch);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["WIN32"] = "1", ["MSVC"] = "1", ["CMAKE_SOURCE_DIR"] = root, ["PROJECT_SOURCE_DIR"] = root, ["CMAKE_BINARY_DIR"] = scratch,
            ["PROJECT_BINARY_DIR"] = scratch, ["CMAKE_SYSTEM_NAME"] = "Windows", ["CMAKE_CXX_COMPILER_ID"] = "MSVC",
        };
        project.Directory(root, variables, new Scope([], []), 0);
        if (project.targets.Count > MaxTargets)
        {
            project.problems.Add($"the tree builds {project.targets.Count} shared or module libraries; the first {MaxTargets} were analyzed");
            project.targets.RemoveRange(MaxTargets, project.targets.Count - MaxTargets);
        }
        generatedFiles = project.generated;
        treeProblems = project.problems;
        var evaluation = $"read by the validator's own CMake reader (cmake is not run: configuring runs the project's code){(project.notes.Count > 0 ? "; " + string.Join("; ", project.notes.Distinct()) : "")}";
        return [.. project.targets.Select(target => project.ToProject(listFile, target, evaluation))];
    }

    /// <summary>What a directory passes to what it adds and defines after: include folders and definitions.</summary>
    private sealed record Scope(List<string> Includes, List<string> Definitions)
    {
        public Scope Copy() => new([.. Includes], [.. Definitions]);
    }

    private void Directory(string directory, Dictionary<string, string> variables, Scope scope, int depth)
    {
        var listFile = Path.Combine(directory, "CMakeLists.txt");
        if (depth > MaxDepth || FileStatus.KindOf(listFile) != FileKind.RegularFile)
        {
            notes.Add($"'{Path.GetRelativePath(root, listFile)}' was not read (missing, not a regular file, or nested too deep)");
            return;
        }
        if (!readDirectories.Add(Path.GetFullPath(directory)))
        {
            // CMake refuses a source folder added twice ("binary directory is already used"); read once, it cannot loop.
            notes.Add($"'{Path.GetRelativePath(root, listFile)}' is added more than once and was read once");
            return;
        }
        var binary = Path.Combine(binaryRoot, Path.GetRelativePath(root, directory));
        variables = new Dictionary<string, string>(variables, StringComparer.Ordinal)
        {
            ["CMAKE_CURRENT_SOURCE_DIR"] = directory, ["CMAKE_CURRENT_LIST_DIR"] = directory, ["CMAKE_CURRENT_BINARY_DIR"] = binary,
        };
        // if/elseif/else/endif as a stack of (this branch taken, some branch taken already).
        var conditions = new Stack<(bool Taken, bool Done)>();
        bool Active() => conditions.All(condition => condition.Taken);
        var script = CMakeScript.Parse(SafeFile.ReadAllText(listFile), out var truncated);
        if (truncated)
        {
            problems.Add($"'{Path.GetRelativePath(root, listFile)}' has more than {CMakeScript.MaxCommands} commands; those after them were not read");
        }
        commandsRead += script.Count;
        if (commandsRead > MaxTreeCommands)
        {
            problems.Add($"the tree has more than {MaxTreeCommands} commands; '{Path.GetRelativePath(root, listFile)}' and the folders after it were not read");
            return;
        }
        foreach (var command in script)
        {
            switch (command.Name)
            {
                case "if":
                    var taken = Active() && Condition(command, variables);
                    conditions.Push((taken, taken));
                    continue;
                case "elseif" when conditions.Count > 0:
                    var (_, done) = conditions.Pop();
                    var now = !done && Condition(command, variables);
                    conditions.Push((now, done || now));
                    continue;
                case "else" when conditions.Count > 0:
                    var (_, anyDone) = conditions.Pop();
                    conditions.Push((!anyDone, true));
                    continue;
                case "endif" when conditions.Count > 0:
                    conditions.Pop();
                    continue;
            }
            if (!Active())
            {
                continue;
            }
            var args = Expand(command, variables);
            var raw = command.Arguments.Select(argument => Substitute(argument.Text, variables)).ToList();
            switch (command.Name)
            {
                case "project" when args.Count > 0:
                    variables["PROJECT_NAME"] = args[0];
                    break;
                case "set" when raw.Count > 0:
                    variables[raw[0]] = Charged(string.Join(';', raw.Skip(1).TakeWhile(value => value is not "CACHE" and not "PARENT_SCOPE")));
                    break;
                case "option" when raw.Count > 0:
                    variables.TryAdd(raw[0], raw.Count > 2 ? raw[2] : "OFF");
                    break;
                case "list" when raw.Count > 2 && raw[0] == "APPEND":
                    variables[raw[1]] = Charged(string.Join(';', new[] { variables.GetValueOrDefault(raw[1], "") }.Concat(raw.Skip(2)).Where(value => value.Length > 0)));
                    break;
                case "include_directories":
                    scope.Includes.AddRange(Paths(args.Where(arg => arg is not "BEFORE" and not "AFTER" and not "SYSTEM"), directory));
                    break;
                case "add_definitions":
                    scope.Definitions.AddRange(args.Where(arg => arg.StartsWith("-D", StringComparison.Ordinal) || arg.StartsWith("/D", StringComparison.Ordinal)).Select(arg => arg[2..]));
                    break;
                case "add_compile_definitions":
                    scope.Definitions.AddRange(args);
                    break;
                case "add_subdirectory" when args.Count > 0:
                    var child = Path.GetFullPath(args[0], directory);
                    if (Inside(child))
                    {
                        Directory(child, variables, scope.Copy(), depth + 1);
                    }
                    else
                    {
                        notes.Add($"add_subdirectory({args[0]}) leaves the tree and was not read");
                    }
                    break;
                case "add_library" when args.Count > 1 && args[1] is "SHARED" or "MODULE":
                    var target = new Target(args[0], directory, command.Line, listFile);
                    target.Sources.AddRange(Paths(args.Skip(2).Where(arg => arg != "EXCLUDE_FROM_ALL"), directory));
                    target.Includes.AddRange(scope.Includes);
                    target.Definitions.AddRange(scope.Definitions);
                    targets.Add(target);
                    break;
                case "target_sources" when Find(args) is { } sources:
                    sources.Sources.AddRange(Paths(args.Skip(1).Where(arg => !IsScope(arg)), directory));
                    break;
                case "target_include_directories" when Find(args) is { } includes:
                    includes.Includes.AddRange(Paths(args.Skip(1).Where(arg => !IsScope(arg) && arg is not "SYSTEM" and not "BEFORE" and not "AFTER"), directory));
                    break;
                case "target_compile_definitions" when Find(args) is { } defined:
                    defined.Definitions.AddRange(args.Skip(1).Where(arg => !IsScope(arg)).Select(arg => arg.StartsWith("-D", StringComparison.Ordinal) ? arg[2..] : arg));
                    break;
                case "target_link_options" when Find(args) is { } linked:
                    linked.LinkOptions.AddRange(args.Skip(1).Where(arg => !IsScope(arg)));
                    break;
                case "set_target_properties" when Find(args) is { } properties:
                    var values = args.SkipWhile(arg => arg != "PROPERTIES").Skip(1).ToList();
                    for (var k = 0; k + 1 < values.Count; k += 2)
                    {
                        if (values[k] is "LINK_FLAGS" or "LINK_OPTIONS")
                        {
                            properties.LinkOptions.Add(values[k + 1]);
                        }
                        else if (values[k] == "WINDOWS_EXPORT_ALL_SYMBOLS" && IsTrue(values[k + 1]))
                        {
                            properties.ExportsAll = true;
                        }
                    }
                    break;
                case "configure_file" when args.Count > 1:
                    Configure(Path.GetFullPath(args[0], directory), Path.GetFullPath(args[1], binary), variables, args.Contains("@ONLY"));
                    break;
            }
        }
    }

    private Target? Find(IReadOnlyList<string> args) => args.Count > 1 ? targets.LastOrDefault(target => target.Name == args[0]) : null;

    private static bool IsScope(string arg) => arg is "PRIVATE" or "PUBLIC" or "INTERFACE";

    private bool Inside(string path) => PathContainment.IsInside(root, path);

    private bool InsideBinary(string path) => PathContainment.IsInside(binaryRoot, path);

    private IEnumerable<string> Paths(IEnumerable<string> args, string directory) =>
        args.Where(arg => arg.Length > 0 && !arg.StartsWith("$<", StringComparison.Ordinal))
            .Select(arg => Path.GetFullPath(arg, directory)).Where(path => Inside(path) || InsideBinary(path));

    /// <summary>Expands a template as configure_file does (${VAR} unless @ONLY, @VAR@, #cmakedefine), into the scratch folder only.</summary>
    private void Configure(string template, string output, Dictionary<string, string> variables, bool atOnly)
    {
        if (!Inside(template) || !InsideBinary(output) || FileStatus.KindOf(template) != FileKind.RegularFile)
        {
            notes.Add($"configure_file({Path.GetFileName(template)}) was not expanded (outside the tree, or not a regular file)");
            return;
        }
        var text = AtVariable().Replace(SafeFile.ReadAllText(template), match => variables.GetValueOrDefault(match.Groups[1].Value, ""));
        text = atOnly ? text : Substitute(text, variables);
        text = CMakeDefine().Replace(text, match => IsTrue(variables.GetValueOrDefault(match.Groups[2].Value, ""))
            ? $"#define {match.Groups[2].Value}{(match.Groups[1].Value == "01" ? " 1" : match.Groups[3].Value)}"
            : match.Groups[1].Value == "01" ? $"#define {match.Groups[2].Value} 0" : $"/* #undef {match.Groups[2].Value} */");
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        written += Charged(text).Length;
        if (written > MaxGeneratedCharacters)
        {
            throw new InvalidDataException($"its configure_file() calls write more than {MaxGeneratedCharacters / (1024 * 1024)} Mi characters, which no tree needs; cmake was not run and nothing of it was analyzed");
        }
        File.WriteAllText(output, text);
        generated[output] = template;
    }

    private List<string> Expand(CMakeCommand command, Dictionary<string, string> variables) =>
        [.. command.Arguments.SelectMany(argument => argument.Quoted
            ? [Substitute(argument.Text, variables)]
            : Substitute(argument.Text, variables).Split(';', StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>${VAR} from the variables, innermost first; $ENV{...} is empty (a report must not carry the runner's secrets).</summary>
    private string Substitute(string text, Dictionary<string, string> variables)
    {
        for (var pass = 0; pass < 16 && (text.Contains("${", StringComparison.Ordinal) || text.Contains("$ENV{", StringComparison.Ordinal)); pass++)
        {
            // Each value is charged before the regex joins it in: a doubling value must stop here, not in an allocation.
            var next = Variable().Replace(text, match => match.Groups[1].Success ? "" : Charged(variables.GetValueOrDefault(match.Groups[2].Value, "")));
            if (next == text)
            {
                break;
            }
            text = next;
        }
        return text;
    }

    /// <summary>Charges what expanding produced to the tree's budget.</summary>
    private string Charged(string text)
    {
        expanded += text.Length;
        if (text.Length > MaxValueCharacters || expanded > MaxExpandedCharacters)
        {
            throw new InvalidDataException(text.Length > MaxValueCharacters
                ? $"a variable or template expands to more than {MaxValueCharacters / (1024 * 1024)} Mi characters (a value that doubles, say), which no tree needs; cmake was not run and nothing of it was analyzed"
                : $"expanding its variables and templates produces more than {MaxExpandedCharacters >> 30} Gi characters, which no tree needs; cmake was not run and nothing of it was analyzed");
        }
        return text;
    }

    private bool Condition(CMakeCommand command, Dictionary<string, string> variables)
    {
        var words = command.Arguments.Select(argument => argument.Text).ToList();
        var negate = words.Count > 0 && words[0] == "NOT";
        var rest = negate ? words.Skip(1).ToList() : words;
        if (rest.Count != 1)
        {
            return true; // not decided here: the branch is read
        }
        var word = Substitute(rest[0], variables);
        var value = word is "UNIX" or "APPLE" or "MINGW" or "CYGWIN" ? false
            : variables.TryGetValue(word, out var set) ? IsTrue(set)
            : IsTrue(word);
        return negate ? !value : value;
    }

    private static bool IsTrue(string value) =>
        !(value.Length == 0 || value.Equals("0", StringComparison.Ordinal) || value.EndsWith("-NOTFOUND", StringComparison.OrdinalIgnoreCase)
          || value.ToUpperInvariant() is "OFF" or "NO" or "FALSE" or "N" or "IGNORE" or "NOTFOUND");

    private CppProject ToProject(string listFile, Target target, string evaluation)
    {
        var includes = target.Includes.Prepend(target.Directory).Distinct(StringComparer.Ordinal).ToList();
        var definitions = target.Definitions.Concat(["WIN32", "_WINDOWS", "_USRDLL", $"{target.Name.Replace('-', '_')}_EXPORTS"]).Distinct(StringComparer.Ordinal).ToList();
        var units = target.Sources.Where(source => CppFileKinds.SourceExtensions.Contains(Path.GetExtension(source)))
            .Distinct(StringComparer.Ordinal).Select(source => new CompileUnit(source, definitions, includes, [])).ToList();
        var def = target.Sources.FirstOrDefault(source => Path.GetExtension(source).Equals(".def", StringComparison.OrdinalIgnoreCase));
        var missing = target.Sources.Where(source => !File.Exists(source) && !generated.ContainsKey(source))
            .Select(source => $"'{Path.GetRelativePath(root, source)}' is a source of {target.Name} but does not exist");
        // WINDOWS_EXPORT_ALL_SYMBOLS exports every function: nothing is known about RegisterModule's name from the project.
        IReadOnlyList<ExportConfiguration> exports = target.ExportsAll ? [] :
            [LinkerExports.Configuration(target.Name, "x64", def, string.Join(' ', target.LinkOptions), target.Location)];
        return new CppProject(listFile, "x64", target.Name, units, exports, [.. problems, .. missing]) { EvaluationNote = $"target {target.Name}: {evaluation}" };
    }

    [GeneratedRegex(@"\$ENV\{([^}]*)\}|\$\{([A-Za-z0-9_.+-]*)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"@([A-Za-z0-9_]+)@")]
    private static partial Regex AtVariable();

    [GeneratedRegex(@"^[ \t]*#[ \t]*cmakedefine(01)?[ \t]+([A-Za-z0-9_]+)([^\r\n]*)", RegexOptions.Multiline)]
    private static partial Regex CMakeDefine();
}
