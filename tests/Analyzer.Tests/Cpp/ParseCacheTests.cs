using IisModuleValidator.Tests.Cli;

namespace IisModuleValidator.Tests.Cpp;

/// <summary>
/// The cache of C++ parses across runs, on a copy of the cache-module sample (a precompiled stdafx.h with the STL): an
/// unchanged project is answered from it with the same report; an edited unit is parsed again, and only it; an edited
/// header reaches every unit that includes it; damaged entries and concurrent runs cost time, never a wrong report;
/// --no-cache neither reads nor writes it.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class ParseCacheTests
{
    internal static (string Project, string Cache) Copy(TempDirectory temp)
    {
        temp.CopyFiles(Path.Combine(TestPaths.Samples, "cpp", "cache-module"), "project");
        return (Path.Combine(temp.Path, "project", "cache-module.vcxproj"), Path.Combine(temp.Path, "cache"));
    }

    internal static (int Exit, string Output, string Error) Check(string project, params string[] options) =>
        CliRun.Run(["check", project, "--verbose", "--format", "sarif", .. options]);

    /// <summary>"N of M" from the --verbose line that says how many unit parses came from the cache.</summary>
    internal static string FromCache(string error) =>
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(error, @"(\d+ of \d+) translation unit parse\(s\) taken from the parse cache")).Groups[1].Value;

    [Fact]
    public void An_unchanged_project_comes_from_the_cache_and_an_edited_unit_alone_is_parsed_again()
    {
        using var temp = new TempDirectory();
        var (project, cache) = Copy(temp);

        var cold = Check(project, "--cache-dir", cache);
        Assert.Equal(1, cold.Exit);
        Assert.Equal("0 of 4", FromCache(cold.Error)); // two units for each platform: Debug is parsed as Release (ConfigurationFolding)
        var warm = Check(project, "--cache-dir", cache);
        Assert.Equal("4 of 4", FromCache(warm.Error));
        Assert.Equal(cold.Output, warm.Output); // the same SARIF, byte for byte

        // One unit edited: for each platform it alone is parsed again.
        var module = Path.Combine(temp.Path, "project", "OutputCacheModule.cpp");
        File.AppendAllText(module, "\n// reviewed\n");
        var edited = Check(project, "--cache-dir", cache);
        Assert.Equal("2 of 4", FromCache(edited.Error));
        Assert.Equal(cold.Output, edited.Output);

        // A header both units include: neither parse holds any more, and what the edit says is reported.
        var header = Path.Combine(temp.Path, "project", "OutputCacheModule.h");
        File.WriteAllText(header, File.ReadAllText(header).Replace(
            "    REQUEST_NOTIFICATION_STATUS OnUpdateRequestCache(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;",
            "    REQUEST_NOTIFICATION_STATUS OnUpdateRequestCache(IHttpContext* pHttpContext, IHttpEventProvider* pProvider) override;\n"
            + "    REQUEST_NOTIFICATION_STATUS OnSendResponse(IHttpContext*, ISendResponseProvider*) override { return RQ_NOTIFICATION_CONTINUE; }"));
        var fixedRun = Check(project, "--cache-dir", cache);
        Assert.Equal("0 of 4", FromCache(fixedRun.Error));
        Assert.Equal(0, fixedRun.Exit);
        Assert.DoesNotContain("\"ruleId\": \"IISM2001\"", fixedRun.Output);
        Assert.Contains("\"ruleId\": \"IISM2001\"", cold.Output);
    }

    [Fact]
    public void Damaged_entries_and_concurrent_runs_never_change_the_report()
    {
        using var temp = new TempDirectory();
        var (project, cache) = Copy(temp);
        // Without the cache the arguments differ, and so does the invocation that records them; nothing else may.
        var expected = Reporting.SarifChecks.WithoutArguments(Check(project, "--no-cache").Output);
        Assert.False(Directory.Exists(cache));

        // Four runs at once on an empty cache: each writes entries while the others read them.
        var concurrent = Enumerable.Range(0, 4).AsParallel().WithDegreeOfParallelism(4).Select(_ => Reporting.SarifChecks.WithoutArguments(Check(project, "--cache-dir", cache).Output)).ToList();
        Assert.All(concurrent, output => Assert.Equal(expected, output));

        foreach (var entry in Directory.EnumerateFiles(cache, "*", SearchOption.AllDirectories))
        {
            File.WriteAllBytes(entry, "{\"Inputs\": [ not json"u8.ToArray());
        }
        var damaged = Check(project, "--cache-dir", cache);
        Assert.Equal("0 of 4", FromCache(damaged.Error));
        Assert.Equal(expected, Reporting.SarifChecks.WithoutArguments(damaged.Output));
        Assert.Equal("4 of 4", FromCache(Check(project, "--cache-dir", cache).Error));
    }

    [Fact]
    public void Over_its_bound_the_cache_drops_the_least_recently_used_files_first()
    {
        using var temp = new TempDirectory();
        var cache = new FrontEnds.Cpp.Parsing.ParseCache(temp.Path);
        for (var i = 0; i < 8; i++)
        {
            var file = temp.File($"{i:D2}/{i}.json", new byte[1000]);
            File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i));
        }
        cache.Trim(maxBytes: 10_000);
        Assert.Equal(8, Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories).Length); // under the bound: nothing goes

        cache.Trim(maxBytes: 6_000);
        // Over it: the oldest go until three quarters of the bound (4,500 bytes) is left.
        Assert.Equal(["4.json", "5.json", "6.json", "7.json"],
            Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
