using System.Text;
using System.Text.Json;

namespace IisModuleValidator.FrontEnds.Cpp.Toolchain;

/// <summary>
/// A clang VFS overlay that makes every file below the given folders resolvable case-insensitively, so that the
/// Windows SDK's '#include &lt;windows.h&gt;' finds 'Windows.h' on a case-sensitive file system.
/// (samples/toolchain/make-vfs-overlay.sh makes the same file for the sample build, which runs without .NET code.)
/// </summary>
public static class VfsOverlay
{
    public static string Create(IEnumerable<string> roots)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 0);
            json.WriteString("case-sensitive", "false");
            json.WriteStartArray("roots");
            foreach (var directory in roots.SelectMany(root => Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Prepend(root))
                         .Order(StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("name", directory);
                json.WriteString("type", "directory");
                json.WriteStartArray("contents");
                foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
                {
                    json.WriteStartObject();
                    json.WriteString("name", Path.GetFileName(file));
                    json.WriteString("type", "file");
                    json.WriteString("external-contents", file);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the overlay for <paramref name="roots"/> once into a cache folder and returns its path.</summary>
    public static string WriteCached(IReadOnlyList<string> roots)
    {
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', roots))))[..16];
        var directory = Path.Combine(Path.GetTempPath(), "iis-module-validator");
        var path = Path.Combine(directory, $"sdk-overlay-{key}.json");
        if (!File.Exists(path))
        {
            Io.AtomicFile.Replace(path, temporary => File.WriteAllText(temporary, Create(roots)));
        }
        return path;
    }
}
