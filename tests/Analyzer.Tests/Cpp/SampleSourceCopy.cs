namespace IisModuleValidator.Tests.Cpp;

/// <summary>A sample's C++ source copied into a temporary folder, its include of the samples' common header made absolute.</summary>
internal static class SampleSourceCopy
{
    /// <summary>samples/cpp/SAMPLE/FILE in <paramref name="temp"/>, with <paramref name="find"/> (which must occur) replaced.</summary>
    public static string Make(TempDirectory temp, string sample, string file, string find = "", string replace = "")
    {
        var source = File.ReadAllText(Path.Combine(TestPaths.Samples, "cpp", sample, file))
            .Replace("../common/iis_module.h", Path.Combine(TestPaths.Samples, "cpp", "common", "iis_module.h").Replace('\\', '/'), StringComparison.Ordinal);
        if (find.Length > 0)
        {
            Assert.Contains(find, source);
            source = source.Replace(find, replace, StringComparison.Ordinal);
        }
        return temp.File(file, System.Text.Encoding.UTF8.GetBytes(source));
    }
}
