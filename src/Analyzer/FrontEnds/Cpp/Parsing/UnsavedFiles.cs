using System.Runtime.InteropServices;
using System.Text;

namespace IisModuleValidator.FrontEnds.Cpp.Parsing;

/// <summary>
/// libclang's unsaved files (CXUnsavedFile): contents clang reads instead of a file on disk. Sources Visual Studio
/// saved as UTF-16 or in the ANSI code page are handed over as their UTF-8 transcoding; line breaks are kept, so
/// clang's lines are the file's lines. Native memory, freed on dispose.
/// </summary>
internal sealed unsafe class UnsavedFiles : IDisposable
{
    // { const char* Filename; const char* Contents; unsigned long Length; }: 24 bytes on LP64 and on Windows
    // (a 32-bit length there, padded); the length is written as 64 bits, whose low half Windows reads.
    [StructLayout(LayoutKind.Sequential)]
    private struct NativeUnsavedFile
    {
        public IntPtr Filename;
        public IntPtr Contents;
        public ulong Length;
    }

    private readonly List<IntPtr> _allocations = [];

    public IntPtr Pointer { get; private set; }

    public uint Count { get; private set; }

    public static UnsavedFiles Transcode(IReadOnlyList<string> paths)
    {
        var files = new UnsavedFiles();
        var entries = new List<NativeUnsavedFile>();
        foreach (var path in paths)
        {
            byte[] utf8;
            try
            {
                utf8 = Io.SourceEncoding.AsUtf8ForClang(Io.SafeFile.ReadAllBytes(path, Io.SafeFile.MaxTextBytes), out _);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                continue; // clang will report the file itself
            }
            entries.Add(new NativeUnsavedFile
            {
                Filename = files.Copy(Encoding.UTF8.GetBytes(path + "\0")),
                Contents = files.Copy(utf8),
                Length = (ulong)utf8.Length,
            });
        }
        if (entries.Count > 0)
        {
            var size = sizeof(NativeUnsavedFile) * entries.Count;
            files.Pointer = (IntPtr)NativeMemory.Alloc((nuint)size);
            files._allocations.Add(files.Pointer);
            var span = new Span<NativeUnsavedFile>((void*)files.Pointer, entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                span[i] = entries[i];
            }
            files.Count = (uint)entries.Count;
        }
        return files;
    }

    private IntPtr Copy(byte[] bytes)
    {
        var memory = (IntPtr)NativeMemory.Alloc((nuint)Math.Max(1, bytes.Length));
        bytes.CopyTo(new Span<byte>((void*)memory, bytes.Length));
        _allocations.Add(memory);
        return memory;
    }

    public void Dispose()
    {
        _allocations.ForEach(memory => NativeMemory.Free((void*)memory));
        _allocations.Clear();
        Pointer = IntPtr.Zero;
        Count = 0;
    }
}
