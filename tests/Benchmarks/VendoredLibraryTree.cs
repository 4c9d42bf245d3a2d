using System.Globalization;
using System.Text;

namespace IisModuleValidator.Benchmarks;

/// <summary>
/// A vendored third-party library beside a module, shaped like the one that once took minutes: 11 Visual Studio projects
/// (ten static libraries and one DLL of the library's own, four configurations each) over 443 .c files, their headers,
/// tests no project lists, and documentation, about 3,000 files in all. Nothing in it names IIS. Deterministic.
/// </summary>
internal static class VendoredLibraryTree
{
    private const int Libraries = 11;
    private const int CFiles = 443;
    private const int TotalFiles = 3000;

    /// <summary>Writes the library into <paramref name="directory"/>; returns the number of files written.</summary>
    public static int Write(string directory)
    {
        var written = 0;
        void Write(string relative, string text)
        {
            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            written++;
        }

        for (var library = 0; library < Libraries; library++)
        {
            var name = $"vlib{library:D2}";
            var sources = Enumerable.Range(0, CFiles / Libraries + (library < CFiles % Libraries ? 1 : 0))
                .Select(index => $"src/{name}_{index:D3}.c").ToList();
            foreach (var (source, index) in sources.Select((source, index) => (source, index)))
            {
                Write(Path.Combine(name, source), CSource(name, index));
                Write(Path.Combine(name, "include", $"{name}_{index:D3}.h"), Header(name, index));
            }
            for (var test = 0; test < 20; test++)
            {
                Write(Path.Combine(name, "test", $"test_{test:D2}.c"), $"#include \"../include/{name}_000.h\"\nint main(void) {{ return {name}_000_step({test}) == 0; }}\n");
            }
            Write(Path.Combine(name, $"{name}.vcxproj"), Project(name, sources, dynamic: library == 0));
        }
        // Documentation and data files up to the field's count: the walk lists them, nothing reads them.
        for (var doc = 0; written < TotalFiles; doc++)
        {
            Write(Path.Combine($"vlib{doc % Libraries:D2}", "doc", $"page{doc:D4}.txt"), $"Page {doc} of the library's manual.\n");
        }
        return written;
    }

    private static string CSource(string library, int index) => $$"""
        /* {{library}}, part {{index}}: a vendored compression library's code, which names nothing of IIS. */
        #include <stdlib.h>
        #include <string.h>
        #include "../include/{{library}}_{{index:D3}}.h"

        #ifdef _WIN32
        #include <windows.h>
        #endif

        static unsigned int {{library}}_{{index:D3}}_table[256];

        static void {{library}}_{{index:D3}}_init(void)
        {
            unsigned int n, k, c;
            for (n = 0; n < 256; n++) {
                c = n;
                for (k = 0; k < 8; k++) {
                    c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
                }
                {{library}}_{{index:D3}}_table[n] = c;
            }
        }

        unsigned int {{library}}_{{index:D3}}_checksum(const unsigned char* data, size_t length)
        {
            unsigned int crc = 0xffffffffu;
            if ({{library}}_{{index:D3}}_table[1] == 0) {
                {{library}}_{{index:D3}}_init();
            }
            while (length--) {
                crc = {{library}}_{{index:D3}}_table[(crc ^ *data++) & 0xff] ^ (crc >> 8);
            }
            return crc ^ 0xffffffffu;
        }

        int {{library}}_{{index:D3}}_step(int state)
        {
            {{library}}_{{index:D3}}_stream stream;
            memset(&stream, 0, sizeof(stream));
            stream.state = state;
            stream.buffer = (unsigned char*)malloc(64);
            if (stream.buffer == NULL) {
                return -1;
            }
            stream.crc = {{library}}_{{index:D3}}_checksum(stream.buffer, 0);
            free(stream.buffer);
            return stream.state + (int)(stream.crc & 1);
        }
        """;

    private static string Header(string library, int index) => $$"""
        #ifndef {{library.ToUpperInvariant()}}_{{index:D3}}_H
        #define {{library.ToUpperInvariant()}}_{{index:D3}}_H
        #include <stddef.h>

        typedef struct {{library}}_{{index:D3}}_stream_s {
            unsigned char* buffer;
            unsigned int crc;
            int state;
        } {{library}}_{{index:D3}}_stream;

        unsigned int {{library}}_{{index:D3}}_checksum(const unsigned char* data, size_t length);
        int {{library}}_{{index:D3}}_step(int state);

        #endif
        """;

    private static string Project(string name, IReadOnlyList<string> sources, bool dynamic)
    {
        string[] configurations = ["Debug|Win32", "Release|Win32", "Debug|x64", "Release|x64"];
        var text = new StringBuilder();
        text.AppendLine("""<?xml version="1.0" encoding="utf-8"?>""");
        text.AppendLine("""<Project DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">""");
        text.AppendLine("""  <ItemGroup Label="ProjectConfigurations">""");
        foreach (var configuration in configurations)
        {
            var (kind, platform) = (configuration.Split('|')[0], configuration.Split('|')[1]);
            text.AppendLine(CultureInfo.InvariantCulture, $"""    <ProjectConfiguration Include="{configuration}"><Configuration>{kind}</Configuration><Platform>{platform}</Platform></ProjectConfiguration>""");
        }
        text.AppendLine("  </ItemGroup>");
        text.AppendLine("""  <Import Project="$(VCTargetsPath)\Microsoft.Cpp.Default.props" />""");
        foreach (var configuration in configurations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"""  <PropertyGroup Condition="'$(Configuration)|$(Platform)'=='{configuration}'" Label="Configuration"><ConfigurationType>{(dynamic ? "DynamicLibrary" : "StaticLibrary")}</ConfigurationType><PlatformToolset>v143</PlatformToolset></PropertyGroup>""");
        }
        text.AppendLine("""  <Import Project="$(VCTargetsPath)\Microsoft.Cpp.props" />""");
        foreach (var configuration in configurations)
        {
            var defines = (configuration.StartsWith("Debug", StringComparison.Ordinal) ? "_DEBUG" : "NDEBUG") + (configuration.EndsWith("Win32", StringComparison.Ordinal) ? ";WIN32" : "");
            text.AppendLine(CultureInfo.InvariantCulture, $"""  <ItemDefinitionGroup Condition="'$(Configuration)|$(Platform)'=='{configuration}'"><ClCompile><PreprocessorDefinitions>{defines};_LIB;%(PreprocessorDefinitions)</PreprocessorDefinitions><AdditionalIncludeDirectories>include</AdditionalIncludeDirectories></ClCompile></ItemDefinitionGroup>""");
        }
        text.AppendLine("  <ItemGroup>");
        foreach (var source in sources)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"""    <ClCompile Include="{source.Replace('/', '\\')}" />""");
        }
        text.AppendLine("  </ItemGroup>");
        text.AppendLine("""  <Import Project="$(VCTargetsPath)\Microsoft.Cpp.targets" />""");
        text.AppendLine("</Project>");
        return text.ToString();
    }
}
