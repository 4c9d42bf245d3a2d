using System.Text;
using IisModuleValidator.FrontEnds.Cpp;
using IisModuleValidator.FrontEnds.Cpp.Parsing;
using IisModuleValidator.FrontEnds.Cpp.Toolchain;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// The compile environment off Windows: the SDK, the UCRT, our vcruntime/ATL/COM stand-ins and libc++ for the MSVC
/// target. Every header a module commonly includes must parse with zero clang errors, for x86 and x64.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class CompileEnvironmentTests
{
    private static readonly CppToolchain Toolchain = CppToolchain.Discover().Toolchain ?? throw new InvalidOperationException(CppToolchain.Discover().Error);

    public static TheoryData<string, string> Headers()
    {
        var data = new TheoryData<string, string>();
        // httpserv.h is included as modules include it: windows.h without winsock.h (real cl.exe fails the same way).
        string[] headers =
        [
            "windows.h", "#define _WINSOCKAPI_\n#include <windows.h>\n#include <httpserv.h>", "stdio.h", "stdlib.h", "string.h", "wchar.h", "tchar.h",
            "#include <windows.h>\n#include <strsafe.h>", "winsock2.h", "intrin.h", "setjmp.h",
            "string", "vector", "map", "memory", "sstream", "iostream", "functional", "mutex", "atomic", "exception", "typeinfo", "algorithm",
            "#include <windows.h>\n#include <atlbase.h>\n#include <atlstr.h>\n#include <atlconv.h>\n#include <atlcoll.h>\n#include <atlsync.h>",
            "#include <windows.h>\n#include <comdef.h>",
        ];
        foreach (var header in headers)
        {
            data.Add(header, "x64");
            data.Add(header, "Win32");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Headers))]
    public void Common_headers_parse_without_errors(string header, string platform)
    {
        using var temp = new TempDirectory();
        var text = header.Contains('#') ? header : $"#include <{header}>";
        var source = temp.File("unit.cpp", Encoding.UTF8.GetBytes(text + "\nint unit_marker;\n"));
        var unit = new CompileUnit(source, ["UNICODE", "_UNICODE"], [temp.Path], []);

        var result = new InProcessParser().Parse(new UnitParseRequest(source, new CppFrontEnd(Toolchain).ArgumentsFor(unit, platform), false, null, []));

        Assert.Null(result.ParserFailure);
        Assert.True(result.ErrorCount == 0, $"{result.ErrorCount} errors; the first: {result.FirstError}");
    }

    [Fact]
    public async Task A_LIBCLANG_PATH_that_does_not_load_is_named_and_no_other_libclang_is_used()
    {
        using var temp = new TempDirectory();
        var notLibclang = temp.File("libclang.so", "not a shared object"u8.ToArray());
        var validator = Path.Combine(AppContext.BaseDirectory, "iis-module-validator.dll");
        var sample = Path.Combine(TestPaths.Samples, "cpp", "missing-handler", "missing-handler.vcxproj");

        foreach (var (setting, says) in new[] { (Path.Combine(temp.Path, "gone", "libclang.so"), "does not exist"), (notLibclang, "does not load") })
        {
            var run = await TestProcess.Run(Io.DotnetHost.Executable!, ["exec", validator, "check", sample, "--no-cache"], temp.Path,
                new Dictionary<string, string?> { ["LIBCLANG_PATH"] = setting });

            Assert.Contains("IISM9007", run.StandardOutput);
            Assert.Contains($"LIBCLANG_PATH names '{setting}', which {says}", run.StandardOutput);
            Assert.DoesNotContain("IISM2001", run.StandardOutput); // no libclang found elsewhere parsed it behind the user's back
        }
    }

    [Fact]
    public void Off_windows_the_standard_library_is_libcxx_for_the_msvc_target()
    {
        // On Windows the real Visual C++ headers are used instead (INCLUDE or vswhere); CI runs on Linux.
        var expectLibCxx = !OperatingSystem.IsWindows();
        Assert.Equal(expectLibCxx, Toolchain.LibCxxIncludeDirectory is not null);
        Assert.Equal(expectLibCxx, Toolchain.BaseArguments("x64").Contains("-D_LIBCPP_NO_VCRUNTIME"));
    }
}
