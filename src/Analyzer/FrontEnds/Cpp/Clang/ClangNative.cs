using System.Runtime.InteropServices;

namespace IisModuleValidator.FrontEnds.Cpp.Clang;

// The part of libclang's C API (clang-c/Index.h, LLVM 14 and later) the C++ front end uses. Structs are the C
// layouts; nothing here owns memory beyond the call that returns it.

[StructLayout(LayoutKind.Sequential)]
internal struct CXString
{
    public IntPtr Data;
    public uint PrivateFlags;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CXCursor
{
    public CursorKind Kind;
    public int XData;
    public IntPtr Data0;
    public IntPtr Data1;
    public IntPtr Data2;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CXType
{
    public int Kind;
    public IntPtr Data0;
    public IntPtr Data1;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CXSourceLocation
{
    public IntPtr PtrData0;
    public IntPtr PtrData1;
    public uint IntData;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CXSourceRange
{
    public IntPtr PtrData0;
    public IntPtr PtrData1;
    public uint BeginIntData;
    public uint EndIntData;
}

internal enum CursorKind
{
    StructDecl = 2,
    ClassDecl = 4,
    FieldDecl = 6,
    FunctionDecl = 8,
    VarDecl = 9,
    ParmDecl = 10,
    TypedefDecl = 20,
    CXXMethod = 21,
    Namespace = 22,
    LinkageSpec = 23,
    Constructor = 24,
    Destructor = 25,
    FunctionTemplate = 30,
    ClassTemplate = 31,
    TypeAliasDecl = 36,
    TypeRef = 43,
    CXXBaseSpecifier = 44,
    UnexposedExpr = 100,
    DeclRefExpr = 101,
    MemberRefExpr = 102,
    CallExpr = 103,
    IntegerLiteral = 106,
    StringLiteral = 109,
    ParenExpr = 111,
    UnaryOperator = 112,
    BinaryOperator = 114,
    CompoundAssignOperator = 115,
    ConditionalOperator = 116,
    CStyleCastExpr = 117,
    CXXStaticCastExpr = 124,
    CXXReinterpretCastExpr = 126,
    CXXFunctionalCastExpr = 128,
    CXXThisExpr = 132,
    CXXNewExpr = 134,
    CompoundStmt = 202,
    IfStmt = 205,
    ReturnStmt = 214,
    CXXTryStmt = 224,
    DeclStmt = 231,
    TranslationUnit = 350,
    CXXFinalAttr = 404,
    CXXOverrideAttr = 405,
    DllExport = 418,
    DllImport = 419,
}

internal enum ChildVisitResult
{
    Break = 0,
    Continue = 1,
    Recurse = 2,
}

internal enum EvalResultKind
{
    UnExposed = 0,
    Int = 1,
    Float = 2,
    StrLiteral = 4,
    Other = 6,
}

internal enum DiagnosticSeverity
{
    Ignored = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}

[Flags]
internal enum TranslationUnitFlags : uint
{
    None = 0,
    DetailedPreprocessingRecord = 0x01,
    Incomplete = 0x02,
    PrecompiledPreamble = 0x04,
    SkipFunctionBodies = 0x40,
    CreatePreambleOnFirstParse = 0x100,
    KeepGoing = 0x200,
    IgnoreNonErrorsFromIncludedFiles = 0x4000,
}

internal static unsafe partial class ClangNative
{
    public const string Library = "libclang";

    [DllImport(Library)] public static extern IntPtr clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);
    [DllImport(Library)] public static extern void clang_disposeIndex(IntPtr index);

    [DllImport(Library)]
    public static extern int clang_parseTranslationUnit2(IntPtr index, byte* sourceFilename, byte** commandLineArgs, int numArgs,
        IntPtr unsavedFiles, uint numUnsavedFiles, uint options, out IntPtr translationUnit);

    [DllImport(Library)] public static extern void clang_disposeTranslationUnit(IntPtr translationUnit);
    [DllImport(Library)] public static extern int clang_saveTranslationUnit(IntPtr translationUnit, byte* fileName, uint options);
    [DllImport(Library)] public static extern CXCursor clang_getTranslationUnitCursor(IntPtr translationUnit);

    [DllImport(Library)] public static extern uint clang_getNumDiagnostics(IntPtr translationUnit);
    [DllImport(Library)] public static extern IntPtr clang_getDiagnostic(IntPtr translationUnit, uint index);
    [DllImport(Library)] public static extern DiagnosticSeverity clang_getDiagnosticSeverity(IntPtr diagnostic);
    [DllImport(Library)] public static extern CXString clang_getDiagnosticSpelling(IntPtr diagnostic);
    [DllImport(Library)] public static extern CXSourceLocation clang_getDiagnosticLocation(IntPtr diagnostic);
    [DllImport(Library)] public static extern void clang_disposeDiagnostic(IntPtr diagnostic);

    [DllImport(Library)] public static extern IntPtr clang_getCString(CXString text);
    [DllImport(Library)] public static extern CXString clang_getClangVersion();
    [DllImport(Library)] public static extern unsafe void clang_getInclusions(IntPtr unit, delegate* unmanaged<IntPtr, IntPtr, uint, IntPtr, void> visitor, IntPtr clientData);
    [DllImport(Library)] public static extern void clang_disposeString(CXString text);

    [DllImport(Library)]
    public static extern uint clang_visitChildren(CXCursor parent, delegate* unmanaged<CXCursor, CXCursor, IntPtr, ChildVisitResult> visitor, IntPtr clientData);

    [DllImport(Library)] public static extern CXString clang_getCursorSpelling(CXCursor cursor);
    [DllImport(Library)] public static extern CXString clang_getCursorUSR(CXCursor cursor);
    [DllImport(Library)] public static extern CXType clang_getCursorType(CXCursor cursor);
    [DllImport(Library)] public static extern CXType clang_getCursorResultType(CXCursor cursor);
    [DllImport(Library)] public static extern CXSourceLocation clang_getCursorLocation(CXCursor cursor);
    [DllImport(Library)] public static extern CXSourceRange clang_getCursorExtent(CXCursor cursor);
    [DllImport(Library)] public static extern CXCursor clang_getCursorReferenced(CXCursor cursor);
    [DllImport(Library)] public static extern CXCursor clang_getCursorDefinition(CXCursor cursor);
    [DllImport(Library)] public static extern CXCursor clang_getCanonicalCursor(CXCursor cursor);
    [DllImport(Library)] public static extern CXCursor clang_getCursorSemanticParent(CXCursor cursor);
    [DllImport(Library)] public static extern uint clang_isCursorDefinition(CXCursor cursor);
    [DllImport(Library)] public static extern uint clang_isInvalidDeclaration(CXCursor cursor);
    [DllImport(Library)] public static extern int clang_Cursor_isNull(CXCursor cursor);
    [DllImport(Library)] public static extern uint clang_equalCursors(CXCursor left, CXCursor right);
    [DllImport(Library)] public static extern int clang_Cursor_getNumArguments(CXCursor cursor);
    [DllImport(Library)] public static extern CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);
    [DllImport(Library)] public static extern uint clang_CXXMethod_isConst(CXCursor cursor);
    [DllImport(Library)] public static extern void clang_getOverriddenCursors(CXCursor cursor, out CXCursor* overridden, out uint count);
    [DllImport(Library)] public static extern void clang_disposeOverriddenCursors(CXCursor* overridden);

    [DllImport(Library)] public static extern CXString clang_getTypeSpelling(CXType type);
    [DllImport(Library)] public static extern CXType clang_getCanonicalType(CXType type);
    [DllImport(Library)] public static extern CXType clang_getPointeeType(CXType type);
    [DllImport(Library)] public static extern CXCursor clang_getTypeDeclaration(CXType type);

    [DllImport(Library)] public static extern void clang_getFileLocation(CXSourceLocation location, out IntPtr file, out uint line, out uint column, out uint offset);
    [DllImport(Library)] public static extern void clang_getExpansionLocation(CXSourceLocation location, out IntPtr file, out uint line, out uint column, out uint offset);
    [DllImport(Library)] public static extern CXSourceLocation clang_getRangeStart(CXSourceRange range);
    [DllImport(Library)] public static extern CXSourceLocation clang_getRangeEnd(CXSourceRange range);
    [DllImport(Library)] public static extern int clang_Location_isInSystemHeader(CXSourceLocation location);
    [DllImport(Library)] public static extern CXString clang_getFileName(IntPtr file);

    [DllImport(Library)] public static extern IntPtr clang_Cursor_Evaluate(CXCursor cursor);
    [DllImport(Library)] public static extern EvalResultKind clang_EvalResult_getKind(IntPtr result);
    [DllImport(Library)] public static extern long clang_EvalResult_getAsLongLong(IntPtr result);
    [DllImport(Library)] public static extern uint clang_EvalResult_isUnsignedInt(IntPtr result);
    [DllImport(Library)] public static extern ulong clang_EvalResult_getAsUnsigned(IntPtr result);
    [DllImport(Library)] public static extern IntPtr clang_EvalResult_getAsStr(IntPtr result);
    [DllImport(Library)] public static extern void clang_EvalResult_dispose(IntPtr result);

    /// <summary>Copies and frees a libclang string.</summary>
    public static string Take(CXString text)
    {
        try
        {
            return Marshal.PtrToStringUTF8(clang_getCString(text)) ?? "";
        }
        finally
        {
            clang_disposeString(text);
        }
    }
}
