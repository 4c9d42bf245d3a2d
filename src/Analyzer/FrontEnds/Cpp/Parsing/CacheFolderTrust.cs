using IisModuleValidator.Io;

namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>
/// Whether a parse cache folder is this user's alone. Entries are signed (<see cref="CacheKey"/>), so a stranger's entry
/// is a miss anyway; a folder that other users can write (or own) is refused outright, so that nobody can swap, delete
/// or plant files the next run would have to read. Checked on Linux, from the folder up to the root: every existing
/// folder must be owned by this user or root and not writable by others, unless sticky (as /tmp is).
/// </summary>
internal static class CacheFolderTrust
{
    private const uint WritableByGroupOrOthers = 0b000_010_010;
    private const uint Sticky = 0b001_000_000_000;

    /// <summary>Why the folder is not trusted, or null.</summary>
    public static string? Refusal(string directory)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        var me = FileStatus.EffectiveUserId();
        for (var folder = Path.GetFullPath(directory); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (FileStatus.OwnershipOf(folder) is not { } ownership)
            {
                continue; // made later, by this run
            }
            var (permissions, owner) = ownership;
            if (owner != me && owner != 0)
            {
                return $"'{BoundedText.Of(folder)}' belongs to another user";
            }
            if ((permissions & WritableByGroupOrOthers) != 0 && (permissions & Sticky) == 0)
            {
                return $"'{BoundedText.Of(folder)}' can be written by other users";
            }
        }
        return null;
    }
}
