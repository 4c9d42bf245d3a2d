using System.Runtime.InteropServices;
using System.Text;

namespace IisModuleValidator.FrontEnds.Cpp.Clang;

/// <summary>An error clang reported while parsing, with where it happened.</summary>
internal sealed record ClangDiagnostic(DiagnosticSeverity Severity, string Message, ClangLocation Location);

/// <summary>One parsed source file. Cursors from it are valid until it is disposed.</summary>
internal sealed unsafe class TranslationUnit : IDisposable
{
    private IntPtr _handle;

    private TranslationUnit(IntPtr handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    public string Path { get; }

    public Cursor Root => new(ClangNative.clang_getTranslationUnitCursor(_handle));

    /// <summary>Parses <paramref name="path"/>; null with the libclang error code when clang could not even start.</summary>
    public static (TranslationUnit? Unit, int ErrorCode) Parse(ClangIndex index, string path, IReadOnlyList<string> arguments, TranslationUnitFlags flags,
        Parsing.UnsavedFiles? unsaved = null)
    {
        var pinned = new List<GCHandle>();
        try
        {
            byte* Utf8(string text)
            {
                var bytes = Encoding.UTF8.GetBytes(text + "\0");
                var handle = GCHandle.Alloc(bytes, GCHandleType.Pinned);
                pinned.Add(handle);
                return (byte*)handle.AddrOfPinnedObject();
            }

            var argv = new IntPtr[arguments.Count];
            for (var i = 0; i < arguments.Count; i++)
            {
                argv[i] = (IntPtr)Utf8(arguments[i]);
            }
            fixed (IntPtr* argvPointer = argv)
            {
                var error = ClangNative.clang_parseTranslationUnit2(index.Handle, Utf8(path), (byte**)argvPointer, argv.Length,
                    unsaved?.Pointer ?? IntPtr.Zero, unsaved?.Count ?? 0, (uint)flags, out var unit);
                return error == 0 && unit != IntPtr.Zero ? (new TranslationUnit(unit, path), 0) : (null, error);
            }
        }
        finally
        {
            pinned.ForEach(handle => handle.Free());
        }
    }

    /// <summary>The diagnostics at error severity or worse, in the order clang reported them.</summary>
    public IReadOnlyList<ClangDiagnostic> Errors()
    {
        var errors = new List<ClangDiagnostic>();
        var count = ClangNative.clang_getNumDiagnostics(_handle);
        for (var i = 0u; i < count; i++)
        {
            var diagnostic = ClangNative.clang_getDiagnostic(_handle, i);
            try
            {
                var severity = ClangNative.clang_getDiagnosticSeverity(diagnostic);
                if (severity >= DiagnosticSeverity.Error)
                {
                    errors.Add(new ClangDiagnostic(severity, ClangNative.Take(ClangNative.clang_getDiagnosticSpelling(diagnostic)),
                        Cursor.Locate(ClangNative.clang_getDiagnosticLocation(diagnostic))));
                }
            }
            finally
            {
                ClangNative.clang_disposeDiagnostic(diagnostic);
            }
        }
        return errors;
    }

    /// <summary>Every file clang read for this unit: the main file and all it included (what a cache entry depends on).</summary>
    public IReadOnlyList<string> Inclusions()
    {
        var files = new List<string>();
        var handle = GCHandle.Alloc(files);
        try
        {
            ClangNative.clang_getInclusions(_handle, &VisitInclusion, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        return files;
    }

    [UnmanagedCallersOnly]
    private static void VisitInclusion(IntPtr file, IntPtr inclusionStack, uint stackLength, IntPtr clientData)
    {
        var files = (List<string>)GCHandle.FromIntPtr(clientData).Target!;
        files.Add(ClangNative.Take(ClangNative.clang_getFileName(file)));
    }

    /// <summary>Saves the unit (a header parsed with Incomplete) as a precompiled header.</summary>
    public bool Save(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* pointer = bytes)
        {
            return ClangNative.clang_saveTranslationUnit(_handle, pointer, 0) == 0;
        }
    }

    public void Dispose()
    {
        if (_handle != IntPtr.Zero)
        {
            ClangNative.clang_disposeTranslationUnit(_handle);
            _handle = IntPtr.Zero;
        }
    }
}

/// <summary>A libclang index: the shared context translation units are parsed in.</summary>
internal sealed class ClangIndex : IDisposable
{
    // clang_createIndex registers LLVM's targets; two threads doing it at once can link the target registry into a
    // cycle, and every later target lookup spins forever (seen with libclang 19). Creating indexes one at a time is
    // cheap; the parses themselves still run in parallel.
    private static readonly object CreationLock = new();

    public ClangIndex(bool excludeDeclarationsFromPch = false)
    {
        lock (CreationLock)
        {
            Handle = ClangNative.clang_createIndex(excludeDeclarationsFromPch ? 1 : 0, displayDiagnostics: 0);
        }
    }

    public IntPtr Handle { get; private set; }

    public void Dispose()
    {
        if (Handle != IntPtr.Zero)
        {
            ClangNative.clang_disposeIndex(Handle);
            Handle = IntPtr.Zero;
        }
    }
}
