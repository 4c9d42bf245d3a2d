using IisModuleValidator.FrontEnds.Cpp.Clang;

namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>
/// libclang in this process: parses a translation unit and walks it into facts, or saves a header as a PCH. Runs on
/// a thread with a large stack, since deep code (50,000-term expressions) makes deep walks. A libclang crash here
/// takes the process with it: <see cref="ParseWorkerPool"/> runs this in worker processes for that reason.
/// </summary>
internal sealed class InProcessParser : IUnitParser
{
    private const TranslationUnitFlags UnitFlags = TranslationUnitFlags.KeepGoing | TranslationUnitFlags.IgnoreNonErrorsFromIncludedFiles;
    private const TranslationUnitFlags HeaderFlags = TranslationUnitFlags.Incomplete | TranslationUnitFlags.KeepGoing;

    public UnitParseResult Parse(UnitParseRequest request) =>
        LibClang.IsAvailable ? Analysis.LargeStack.Run(() => ParseOnThisThread(request)) : UnitParseResult.Failed(LibClang.LoadError!);

    private static UnitParseResult ParseOnThisThread(UnitParseRequest request)
    {
        var facts = new CppFacts();
        using var index = new ClangIndex(request.ExcludeDeclarationsFromPch);
        using var unsaved = UnsavedFiles.Transcode(request.TranscodedFiles);
        var isHeader = request.PchOutputPath is not null;
        var (translationUnit, errorCode) = TranslationUnit.Parse(index, request.SourcePath, request.Arguments, isHeader ? HeaderFlags : UnitFlags, unsaved);
        if (translationUnit is null)
        {
            return new UnitParseResult(facts, 1, $"libclang could not parse the file (error code {errorCode})", LostIisHeaders: true);
        }
        using (translationUnit)
        {
            var errors = translationUnit.Errors();
            var inputs = translationUnit.Inclusions();
            if (isHeader)
            {
                var saved = errors.Count == 0 && translationUnit.Save(request.PchOutputPath!);
                return new UnitParseResult(facts, errors.Count, null, false, PchSaved: saved, Inputs: inputs);
            }
            new TranslationUnitCollector(facts, new SourceText()).Collect(translationUnit.Root);
            if (errors.Count == 0)
            {
                return new UnitParseResult(facts, 0, null, false, Inputs: inputs);
            }
            var first = errors[0];
            var where = first.Location.File.Length > 0 ? $"{first.Location.File}({first.Location.Line},{first.Location.Column}): " : "";
            // KeepGoing turns clang's fatal "file not found" into an error, so the message tells.
            var lostHeaders = errors.Any(error => error.Message.Contains("file not found", StringComparison.Ordinal)
                && (error.Message.Contains("windows.h", StringComparison.OrdinalIgnoreCase) || error.Message.Contains("httpserv.h", StringComparison.OrdinalIgnoreCase)));
            // An error in a file outside the unit's folder and include folders (#include "/etc/shadow") would quote that
            // file's first token: only its place is said.
            var message = first.Location.File.Length == 0 || InAnalysedTree(first.Location.File, request)
                ? first.Message
                : "an error in a file outside the unit's folder and include folders (its text is not quoted)";
            return new UnitParseResult(facts, errors.Count, where + message, lostHeaders, Inputs: inputs);
        }
    }

    private static readonly string[] IncludeSwitches = ["-I", "-isystem", "-imsvc", "-idirafter", "-iquote", "-resource-dir", "-ivfsoverlay"];

    /// <summary>Whether <paramref name="file"/> lies in the unit's folder or a folder its command line includes from.</summary>
    private static bool InAnalysedTree(string file, UnitParseRequest request)
    {
        var roots = new List<string> { Path.GetDirectoryName(Path.GetFullPath(request.SourcePath))! };
        for (var i = 0; i < request.Arguments.Count; i++)
        {
            var argument = request.Arguments[i];
            if (IncludeSwitches.Contains(argument) && i + 1 < request.Arguments.Count)
            {
                roots.Add(request.Arguments[++i]);
            }
            else if (IncludeSwitches.FirstOrDefault(option => argument.Length > option.Length && argument.StartsWith(option, StringComparison.Ordinal)) is { } joined)
            {
                roots.Add(argument[joined.Length..].TrimStart('='));
            }
        }
        var full = Path.GetFullPath(file);
        return roots.Select(root => Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)))
            .Any(root => full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }
}
