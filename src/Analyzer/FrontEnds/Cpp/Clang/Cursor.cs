using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IisModuleValidator.FrontEnds.Cpp.Clang;

/// <summary>A position in a file as clang reports it after macro expansion (1-based line and column).</summary>
internal readonly record struct ClangLocation(string File, int Line, int Column, int Offset, bool InSystemHeader);

/// <summary>A managed view of a libclang cursor. Valid only while its translation unit lives.</summary>
internal readonly unsafe struct Cursor(CXCursor native)
{
    public CXCursor Native { get; } = native;

    public CursorKind Kind => Native.Kind;

    public bool IsNull => ClangNative.clang_Cursor_isNull(Native) != 0;

    public string Spelling => ClangNative.Take(ClangNative.clang_getCursorSpelling(Native));

    public string Usr => ClangNative.Take(ClangNative.clang_getCursorUSR(Native));

    public CXType Type => ClangNative.clang_getCursorType(Native);

    public string TypeSpelling => Spell(Type);

    public string CanonicalTypeSpelling => Spell(ClangNative.clang_getCanonicalType(Type));

    public CXType ResultType => ClangNative.clang_getCursorResultType(Native);

    public Cursor Referenced => new(ClangNative.clang_getCursorReferenced(Native));

    public Cursor Definition => new(ClangNative.clang_getCursorDefinition(Native));

    public Cursor Canonical => new(ClangNative.clang_getCanonicalCursor(Native));

    public Cursor SemanticParent => new(ClangNative.clang_getCursorSemanticParent(Native));

    public bool IsDefinition => ClangNative.clang_isCursorDefinition(Native) != 0;

    /// <summary>clang marked the declaration invalid (an unknown type in it, a missing header): its facts are not trusted.</summary>
    public bool IsInvalidDeclaration => ClangNative.clang_isInvalidDeclaration(Native) != 0;

    public bool IsConstMethod => ClangNative.clang_CXXMethod_isConst(Native) != 0;

    public int ArgumentCount => ClangNative.clang_Cursor_getNumArguments(Native);

    public Cursor Argument(int index) => new(ClangNative.clang_Cursor_getArgument(Native, (uint)index));

    public ClangLocation Location => Locate(ClangNative.clang_getCursorLocation(Native));

    public bool IsInSystemHeader => ClangNative.clang_Location_isInSystemHeader(ClangNative.clang_getCursorLocation(Native)) != 0;

    public (ClangLocation Start, ClangLocation End) Extent
    {
        get
        {
            var range = ClangNative.clang_getCursorExtent(Native);
            return (Locate(ClangNative.clang_getRangeStart(range)), Locate(ClangNative.clang_getRangeEnd(range)));
        }
    }

    /// <summary>The expression under parentheses and clang's implicit (unexposed) conversions.</summary>
    public Cursor WithoutParentheses()
    {
        var cursor = this;
        while (cursor.Kind is CursorKind.ParenExpr or CursorKind.UnexposedExpr && cursor.Children() is [var only])
        {
            cursor = only;
        }
        return cursor;
    }

    public static string Spell(CXType type) => ClangNative.Take(ClangNative.clang_getTypeSpelling(type));

    public static Cursor DeclarationOf(CXType type) => new(ClangNative.clang_getTypeDeclaration(type));

    public static CXType Pointee(CXType type) => ClangNative.clang_getPointeeType(type);

    public static CXType CanonicalOf(CXType type) => ClangNative.clang_getCanonicalType(type);

    /// <summary>The methods this one overrides (empty when it overrides nothing).</summary>
    public IReadOnlyList<Cursor> Overridden
    {
        get
        {
            ClangNative.clang_getOverriddenCursors(Native, out var overridden, out var count);
            if (count == 0)
            {
                return [];
            }
            try
            {
                var result = new List<Cursor>((int)count);
                for (var i = 0; i < count; i++)
                {
                    result.Add(new Cursor(overridden[i]));
                }
                return result;
            }
            finally
            {
                ClangNative.clang_disposeOverriddenCursors(overridden);
            }
        }
    }

    /// <summary>The integer value clang computes for this expression, or null when it is not a constant.</summary>
    public long? EvaluateInteger()
    {
        var result = ClangNative.clang_Cursor_Evaluate(Native);
        if (result == IntPtr.Zero)
        {
            return null;
        }
        try
        {
            if (ClangNative.clang_EvalResult_getKind(result) != EvalResultKind.Int)
            {
                return null;
            }
            return ClangNative.clang_EvalResult_isUnsignedInt(result) != 0
                ? unchecked((long)ClangNative.clang_EvalResult_getAsUnsigned(result))
                : ClangNative.clang_EvalResult_getAsLongLong(result);
        }
        finally
        {
            ClangNative.clang_EvalResult_dispose(result);
        }
    }

    /// <summary>The string clang computes for this expression (a string literal, possibly through a macro), or null.</summary>
    public string? EvaluateString()
    {
        var result = ClangNative.clang_Cursor_Evaluate(Native);
        if (result == IntPtr.Zero)
        {
            return null;
        }
        try
        {
            return ClangNative.clang_EvalResult_getKind(result) == EvalResultKind.StrLiteral
                ? Marshal.PtrToStringUTF8(ClangNative.clang_EvalResult_getAsStr(result))
                : null;
        }
        finally
        {
            ClangNative.clang_EvalResult_dispose(result);
        }
    }

    public List<Cursor> Children()
    {
        var children = new List<Cursor>();
        var handle = GCHandle.Alloc(children);
        try
        {
            ClangNative.clang_visitChildren(Native, &CollectChild, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        return children;
    }

    /// <summary>Every cursor below this one, depth first, parents before children.</summary>
    public IEnumerable<Cursor> Descendants()
    {
        var stack = new Stack<Cursor>(Children().AsEnumerable().Reverse());
        while (stack.Count > 0)
        {
            var cursor = stack.Pop();
            yield return cursor;
            foreach (var child in cursor.Children().AsEnumerable().Reverse())
            {
                stack.Push(child);
            }
        }
    }

    [UnmanagedCallersOnly]
    private static ChildVisitResult CollectChild(CXCursor cursor, CXCursor parent, IntPtr clientData)
    {
        ((List<Cursor>)GCHandle.FromIntPtr(clientData).Target!).Add(new Cursor(cursor));
        return ChildVisitResult.Continue;
    }

    /// <summary>Where a location is in a file: for a macro argument, where the argument was written; inside a
    /// macro body, where the macro was expanded.</summary>
    public static ClangLocation Locate(CXSourceLocation location)
    {
        ClangNative.clang_getFileLocation(location, out var file, out var line, out var column, out var offset);
        var name = file == IntPtr.Zero ? "" : ClangNative.Take(ClangNative.clang_getFileName(file));
        return new ClangLocation(name, (int)line, (int)column, (int)offset, ClangNative.clang_Location_isInSystemHeader(location) != 0);
    }

    public override string ToString() => $"{Kind} {Spelling}";
}
