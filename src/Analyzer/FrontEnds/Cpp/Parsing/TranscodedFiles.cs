using IisModuleValidator.Io;

namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>
/// The project's own files clang cannot read as they are: sources, and headers in the folders of the sources and of
/// the project's include folders, saved as UTF-16 or in the ANSI code page. The SDK's headers are plain ASCII.
/// </summary>
internal static class TranscodedFiles
{
    private const int MaxHeadersExamined = 4000;

    public static IReadOnlyList<string> Find(IReadOnlyList<CompileUnit> units)
    {
        var folders = units.Select(unit => Path.GetDirectoryName(unit.SourcePath)!)
            .Concat(units.SelectMany(unit => unit.IncludeDirectories))
            .Distinct(StringComparer.Ordinal)
            .Where(Directory.Exists);
        var headers = folders.SelectMany(folder => SafeEnumerate(folder))
            .Where(CppFileKinds.IsHeader)
            .Take(MaxHeadersExamined);
        return [.. units.Select(unit => unit.SourcePath).Concat(headers).Distinct(StringComparer.Ordinal).Where(NeedsTranscoding).Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> SafeEnumerate(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder).ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool NeedsTranscoding(string path)
    {
        try
        {
            return FileStatus.KindOf(path) == FileKind.RegularFile
                   && !SourceEncoding.Decode(SafeFile.ReadAllBytes(path, SafeFile.MaxTextBytes)).IsUtf8AsIs;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
