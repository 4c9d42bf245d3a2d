using System.Security.Cryptography;

namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>
/// The secret the parse cache signs its entries with: 32 random bytes of this user's, kept in the tool's data folder
/// (~/.local/share/iis-module-validator, %LOCALAPPDATA%\iis-module-validator), never in the cache folder. Whoever can
/// write a cache folder (a shared --cache-dir, a CI cache restored across jobs) without this key cannot write an
/// entry this user's runs accept.
/// </summary>
internal static class CacheKey
{
    private const int Length = 32;

    private static readonly Lazy<byte[]?> Key = new(LoadOrCreate);

    public static string FilePath => Path.Combine(Toolchain.WindowsSdkPackage.ToolDataDirectory, "parse-cache.key");

    /// <summary>HMAC-SHA256 of <paramref name="data"/>, or null when no key can be had (then nothing is cached).</summary>
    public static byte[]? Sign(ReadOnlySpan<byte> data) => Key.Value is { } key ? HMACSHA256.HashData(key, data) : null;

    private static byte[]? TryRead()
    {
        try
        {
            return Io.FileStatus.KindOf(FilePath) == Io.FileKind.RegularFile && Io.SafeFile.ReadAllBytes(FilePath, Length) is { Length: Length } key ? key : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static byte[]? LoadOrCreate()
    {
        try
        {
            if (TryRead() is { } existing)
            {
                return existing;
            }
            // None yet, or not one of ours (wrong size, not a regular file): a new key, whose entries the old one never signed.
            var key = RandomNumberGenerator.GetBytes(Length);
            Io.AtomicFile.Replace(FilePath, temporary =>
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var stream = new FileStream(temporary, options);
                stream.Write(key);
            });
            // Another run may have written its key at the same moment: the one in place is the key.
            return TryRead();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
