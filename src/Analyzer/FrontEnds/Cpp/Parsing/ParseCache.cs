using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>
/// What parsing a translation unit gave, kept across runs. An entry's key is the hash of everything that decides the
/// parse apart from file contents (the validator's build, libclang's version, the unit's path, its complete command
/// line and the precompiled header it uses); the entry lists every file clang read for it (the unit, its include
/// closure, and that of its precompiled header) with the SHA-256 of their content, and is used only while all of them
/// still hold that content. Entries are written whole and renamed into place (AtomicFile), so concurrent runs (a pipeline, the IDE
/// targets) never read half of one. The cache folder is not trusted: an entry is read as a regular file under
/// <see cref="MaxEntryBytes"/>, must carry this user's signature over its key and content (<see cref="CacheKey"/>), and
/// must have the shape written; a kept PCH must have the SHA-256 its signed entry records. Anything else is a miss, so
/// whoever can write the folder can cost a run time, never change its verdict. Failed parses are not kept.
/// </summary>
internal sealed class ParseCache(string directory)
{
    // Bump when what a parse yields changes without the engine assembly changing (it always does, in practice).
    private const string Format = "iism-parse-cache-2";

    /// <summary>A unit's parse facts are kilobytes; an entry this large was not written by us.</summary>
    public const long MaxEntryBytes = 16L * 1024 * 1024;

    private const int SignatureBytes = 32;

    private static readonly string EngineBuild = typeof(ParseCache).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    private readonly ConcurrentDictionary<string, string?> _contentHashes = new(StringComparer.Ordinal);

    public string Directory { get; } = directory;

    /// <summary>The user's cache folder: $XDG_CACHE_HOME or ~/.cache on Linux and macOS, %LOCALAPPDATA% on Windows.</summary>
    public static string DefaultDirectory
    {
        get
        {
            var root = OperatingSystem.IsWindows()
                ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify)
                : Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                    ? xdg
                    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "iis-module-validator", "parse-cache");
        }
    }

    /// <summary>The key of a parse: the request's command line (its temporary PCH path replaced by the PCH's own key).</summary>
    public static string Key(UnitParseRequest request, string? precompiledHeaderKey)
    {
        var text = new StringBuilder().Append(Format).Append('\n').Append(EngineBuild).Append('\n')
            .Append(Clang.LibClang.Version).Append('\n').Append(request.SourcePath).Append('\n')
            .Append(request.ExcludeDeclarationsFromPch).Append('\n').Append(precompiledHeaderKey).Append('\n');
        foreach (var argument in request.Arguments)
        {
            text.Append(argument).Append('\0');
        }
        text.Append('\n').AppendJoin('\0', request.TranscodedFiles);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public bool TryGet(string key, out UnitParseResult result) => TryGetEntry(key, out result, out _);

    private bool TryGetEntry(string key, out UnitParseResult result, out string? pchSha256)
    {
        result = null!;
        pchSha256 = null;
        try
        {
            var path = EntryPath(key);
            if (Io.FileStatus.KindOf(path) == Io.FileKind.Missing)
            {
                return false;
            }
            var bytes = Io.SafeFile.ReadAllBytes(path, MaxEntryBytes);
            if (bytes.Length <= SignatureBytes || Sign(key, bytes.AsSpan(SignatureBytes)) is not { } expected
                || !CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(0, SignatureBytes)))
            {
                return false;
            }
            var entry = JsonSerializer.Deserialize<Entry>(bytes.AsSpan(SignatureBytes), ParseWorker.Json);
            if (entry?.Result is null || entry.Inputs is null || entry.Inputs.Any(input => input?.Path is null || input.Sha256 is null)
                || entry.Inputs.Any(input => ContentHash(input.Path) != input.Sha256))
            {
                return false;
            }
            result = entry.Result with { Inputs = [.. entry.Inputs.Select(input => input.Path)] };
            pchSha256 = entry.PchSha256;
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow); // recently used: the last to be trimmed
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>The signature of an entry: its key and its content, with this user's secret.</summary>
    private static byte[]? Sign(string key, ReadOnlySpan<byte> content)
    {
        var keyBytes = Encoding.UTF8.GetBytes(key + "\n");
        var data = new byte[keyBytes.Length + content.Length];
        keyBytes.CopyTo(data, 0);
        content.CopyTo(data.AsSpan(keyBytes.Length));
        return CacheKey.Sign(data);
    }

    /// <summary>Keeps a successful parse; <paramref name="inputs"/> are the files it read. A file gone already is no entry.</summary>
    public void Put(string key, UnitParseResult result, IEnumerable<string> inputs) => Put(key, result, inputs, pchSha256: null);

    private void Put(string key, UnitParseResult result, IEnumerable<string> inputs, string? pchSha256)
    {
        if (result.ParserFailure is not null)
        {
            return;
        }
        var hashed = inputs.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(input => new Input(input, ContentHash(input))).ToList();
        if (hashed.Any(input => input.Sha256 is null))
        {
            return;
        }
        try
        {
            var content = JsonSerializer.SerializeToUtf8Bytes(new Entry(hashed, result with { Inputs = null }, pchSha256), ParseWorker.Json);
            if (Sign(key, content) is not { } signature)
            {
                return; // no key: nothing is kept that could not be checked
            }
            Io.AtomicFile.Replace(EntryPath(key), temporary => File.WriteAllBytes(temporary, [.. signature, .. content]));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs the next run time, never this run's report.
        }
    }

    /// <summary>A precompiled header kept by <see cref="PutPrecompiledHeader"/>, while every file it was built from is unchanged.</summary>
    public string? TryGetPrecompiledHeader(string key, out UnitParseResult result) =>
        TryGetEntry(key, out result, out var pchSha256) && pchSha256 is not null && HashOf(PrecompiledHeaderPath(key)) == pchSha256
            ? Touched(PrecompiledHeaderPath(key))
            : null;

    private static string Touched(string path)
    {
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        return path;
    }

    /// <summary>Keeps a PCH just built (the file first, then the entry that vouches for it).</summary>
    public void PutPrecompiledHeader(string key, UnitParseResult result, string builtPath)
    {
        if (!result.PchSaved || result.Inputs is not { } inputs)
        {
            return;
        }
        try
        {
            Io.AtomicFile.Replace(PrecompiledHeaderPath(key), temporary => File.Copy(builtPath, temporary, overwrite: true));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return; // in use by another run (Windows), or no room: built again next time
        }
        if (HashOf(PrecompiledHeaderPath(key)) is { } pchSha256)
        {
            Put(key, result, inputs, pchSha256);
        }
    }

    /// <summary>
    /// Keeps the folder under <paramref name="maxBytes"/>: when it is over, the least recently used files go until it is
    /// under three quarters of it (builds in fresh folders leave entries no run will use again).
    /// </summary>
    public void Trim(long maxBytes = 2L << 30)
    {
        try
        {
            if (!System.IO.Directory.Exists(Directory))
            {
                return;
            }
            var files = new DirectoryInfo(Directory).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
            var total = files.Sum(file => file.Length);
            if (total <= maxBytes)
            {
                return;
            }
            foreach (var file in files.OrderBy(file => file.LastWriteTimeUtc))
            {
                if (total <= maxBytes * 3 / 4)
                {
                    break;
                }
                total -= file.Length;
                file.Delete();
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Another run trims too, or a file is in use: the next run tries again.
        }
    }

    private string PrecompiledHeaderPath(string key) => Path.Combine(Directory, key[..2], key + ".pch");

    private string EntryPath(string key) => Path.Combine(Directory, key[..2], key + ".json");

    /// <summary>The SHA-256 of a file's content, once per run; null when it cannot be read.</summary>
    private string? ContentHash(string path) => _contentHashes.GetOrAdd(path, HashOf);

    /// <summary>The SHA-256 of a regular file's content, read now (a kept PCH is hashed each time it is vouched for).</summary>
    private static string? HashOf(string file)
    {
        // Only regular files are opened: a FIFO put where a header was would block the run.
        if (Io.FileStatus.KindOf(file) != Io.FileKind.RegularFile)
        {
            return null;
        }
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed record Input(string Path, string? Sha256);

    private sealed record Entry(List<Input> Inputs, UnitParseResult Result, string? PchSha256 = null);
}
