using System.Runtime.InteropServices;

namespace IisModuleValidator.Io;

/// <summary>What a path names, as the operating system sees it, without opening it (opening a FIFO blocks).</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    /// <summary>A FIFO, socket, character or block device: never read, it can block forever or never end.</summary>
    Special,
}

/// <summary>The device and inode of a file (Windows: volume and file index): the same file however it is spelt.</summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode);

/// <summary>
/// stat(2) for the two questions .NET does not answer: is this a regular file, and which file is it. On Linux the
/// mode and identity are read from glibc's struct stat (x64 and arm64 layouts); elsewhere from FileSystemInfo,
/// which cannot tell special files apart, so there every existing non-directory counts as a regular file.
/// </summary>
public static partial class FileStatus
{
    private const uint TypeMask = 0xF000;
    private const uint RegularType = 0x8000;
    private const uint DirectoryType = 0x4000;

    public static FileKind KindOf(string path, bool followLinks = true) =>
        Stat(path, followLinks) is { } status
            ? Kind(status.Mode) is var kind && kind == FileKind.RegularFile && followLinks && OnKernelFileSystem(path) ? FileKind.Special : kind
            : FallbackKind(path);

    // statfs f_type of the file systems whose "regular files" are the kernel's: /proc/kcore is 128 TB,
    // /proc/self/environ holds the process's secrets. (proc, sysfs, debugfs, tracefs, securityfs, cgroup, cgroup2,
    // configfs, efivarfs, bpf.)
    private static readonly HashSet<long> KernelFileSystems = [0x9fa0, 0x62656572, 0x64626720, 0x74726163, 0x73636673, 0x27e0eb, 0x63677270, 0x62656570, 0xde5e81e4, 0xcafe4a11];

    private static bool OnKernelFileSystem(string path)
    {
        Span<byte> buffer = stackalloc byte[128];
        // struct statfs starts with f_type (a long) on x86_64 and arm64.
        return NativeStatFs(path, buffer) == 0 && KernelFileSystems.Contains(BitConverter.ToInt64(buffer[..8]));
    }

    [LibraryImport("libc", EntryPoint = "statfs", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeStatFs(string path, Span<byte> buffer);

    /// <summary>The permission bits and owner's user id, or null when it does not exist (or the platform cannot tell).</summary>
    public static (uint Permissions, uint Owner)? OwnershipOf(string path) =>
        Stat(path, followLinks: true) is { } status ? (status.Mode & 0xFFF, status.Owner) : null;

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint EffectiveUserId();

    /// <summary>The file's identity, or null when it does not exist (or the platform cannot tell): device and inode on
    /// Linux, volume serial number and file index on Windows, so that every spelling of one file (case, links, 8.3
    /// names, '..') is the same file.</summary>
    public static FileIdentity? IdentityOf(string path) =>
        OperatingSystem.IsWindows() ? WindowsIdentityOf(path) : Stat(path, followLinks: true) is { } status ? status.Identity : null;

    private static FileIdentity? WindowsIdentityOf(string path)
    {
        // FILE_READ_ATTRIBUTES with every share mode, and backup semantics so that folders open too.
        using var handle = CreateFile(path, 0x80, 0x7, IntPtr.Zero, 3, 0x02000000, IntPtr.Zero);
        return !handle.IsInvalid && GetFileInformationByHandle(handle, out var information)
            ? new FileIdentity(information.VolumeSerialNumber, ((ulong)information.FileIndexHigh << 32) | information.FileIndexLow)
            : null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ByHandleFileInformation
    {
        public uint FileAttributes;
        public long CreationTime;
        public long LastAccessTime;
        public long LastWriteTime;
        public uint VolumeSerialNumber;
        public uint FileSizeHigh;
        public uint FileSizeLow;
        public uint NumberOfLinks;
        public uint FileIndexHigh;
        public uint FileIndexLow;
    }

    [LibraryImport("kernel32.dll", EntryPoint = "CreateFileW", StringMarshalling = StringMarshalling.Utf16, SetLastError = true)]
    private static partial Microsoft.Win32.SafeHandles.SafeFileHandle CreateFile(string path, uint access, uint share, IntPtr security, uint disposition, uint flags, IntPtr template);

    [LibraryImport("kernel32.dll", EntryPoint = "GetFileInformationByHandle", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool GetFileInformationByHandle(Microsoft.Win32.SafeHandles.SafeFileHandle handle, out ByHandleFileInformation information);

    public static bool IsSymbolicLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static FileKind Kind(uint mode) => (mode & TypeMask) switch
    {
        RegularType => FileKind.RegularFile,
        DirectoryType => FileKind.Directory,
        _ => FileKind.Special,
    };

    private static FileKind FallbackKind(string path) =>
        File.Exists(path) ? FileKind.RegularFile : Directory.Exists(path) ? FileKind.Directory : FileKind.Missing;

    private readonly record struct Status(uint Mode, uint Owner, FileIdentity Identity);

    private static Status? Stat(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux() || path.Contains('\0'))
        {
            return null;
        }
        // struct stat: st_dev and st_ino lead on both; then st_nlink (8 bytes), st_mode, st_uid on x86_64, and st_mode,
        // st_nlink (4 bytes), st_uid on arm64.
        var (modeOffset, ownerOffset) = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => (24, 28),
            Architecture.Arm64 => (16, 24),
            _ => (-1, -1),
        };
        if (modeOffset < 0)
        {
            return null;
        }
        Span<byte> buffer = stackalloc byte[256];
        int result;
        try
        {
            result = followLinks ? NativeStat(path, buffer) : NativeLinkStat(path, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports only __xstat/__lxstat (version 1 is the kernel layout on x64 and arm64).
            result = followLinks ? LegacyStat(1, path, buffer) : LegacyLinkStat(1, path, buffer);
        }
        if (result != 0)
        {
            return null;
        }
        var device = BitConverter.ToUInt64(buffer[..8]);
        var inode = BitConverter.ToUInt64(buffer[8..16]);
        var mode = BitConverter.ToUInt32(buffer[modeOffset..(modeOffset + 4)]);
        var owner = BitConverter.ToUInt32(buffer[ownerOffset..(ownerOffset + 4)]);
        return new Status(mode, owner, new FileIdentity(device, inode));
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeStat(string path, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "lstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int NativeLinkStat(string path, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "__xstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LegacyStat(int version, string path, Span<byte> buffer);

    [LibraryImport("libc", EntryPoint = "__lxstat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int LegacyLinkStat(int version, string path, Span<byte> buffer);
}
