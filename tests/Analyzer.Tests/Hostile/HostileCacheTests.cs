using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using IisModuleValidator.Tests.Cpp;

namespace IisModuleValidator.Tests.Hostile;

/// <summary>
/// A parse cache folder written by someone else (a shared --cache-dir, a CI cache restored across jobs) can cost a run
/// time, never change its verdict: tampered, replaced by a FIFO or a device link, or held in a folder others can write,
/// the run gives the report a run without the cache gives, with the same exit code, and ends.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class HostileCacheTests
{
    private static List<string> Entries(string cache) => [.. Directory.EnumerateFiles(cache, "*.json", SearchOption.AllDirectories)];

    [Fact]
    public void An_entry_whose_registrations_were_emptied_is_a_miss_and_the_module_still_fails()
    {
        using var temp = new TempDirectory();
        var (project, cache) = ParseCacheTests.Copy(temp);
        var cold = ParseCacheTests.Check(project, "--cache-dir", cache);
        Assert.Equal(1, cold.Exit);

        // What an attacker with write access to the folder, but not the user's key, can do: keep the signature, change the facts.
        var emptiedAny = false;
        foreach (var entry in Entries(cache))
        {
            var bytes = File.ReadAllBytes(entry);
            var body = Encoding.UTF8.GetString(bytes, 32, bytes.Length - 32);
            emptiedAny |= body.Contains("\"RegistrationCalls\":[{", StringComparison.Ordinal);
            // Still valid JSON: the calls move to a member nobody reads.
            var emptied = body.Replace("\"RegistrationCalls\":[", "\"RegistrationCalls\":[],\"Moved\":[", StringComparison.Ordinal);
            File.WriteAllBytes(entry, [.. bytes.AsSpan(0, 32), .. Encoding.UTF8.GetBytes(emptied)]);
        }
        Assert.True(emptiedAny);
        var tampered = ParseCacheTests.Check(project, "--cache-dir", cache);

        Assert.Equal("0 of 4", ParseCacheTests.FromCache(tampered.Error));
        Assert.Equal(1, tampered.Exit);
        Assert.Equal(cold.Output, tampered.Output);
    }

    [Fact]
    public void A_fifo_or_a_link_to_dev_zero_in_place_of_an_entry_is_a_miss_at_once()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var temp = new TempDirectory();
        var (project, cache) = ParseCacheTests.Copy(temp);
        var cold = ParseCacheTests.Check(project, "--cache-dir", cache);
        var entries = Entries(cache);
        Assert.True(entries.Count >= 2);
        File.Delete(entries[0]);
        Process.Start("mkfifo", [entries[0]])!.WaitForExit();
        foreach (var entry in entries.Skip(1))
        {
            File.Delete(entry);
            File.CreateSymbolicLink(entry, "/dev/zero");
        }

        var clock = Stopwatch.StartNew();
        var hostile = ParseCacheTests.Check(project, "--cache-dir", cache);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Equal(cold.Exit, hostile.Exit);
        Assert.Equal(cold.Output, hostile.Output);
    }

    [Fact]
    public void A_cache_folder_other_users_can_write_is_not_used_and_said_so()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var temp = new TempDirectory();
        var (project, cache) = ParseCacheTests.Copy(temp);
        var expected = ParseCacheTests.Check(project, "--no-cache");
        Directory.CreateDirectory(cache);
        File.SetUnixFileMode(cache, (UnixFileMode)0b111_111_111); // 0777, not sticky

        var run = ParseCacheTests.Check(project, "--cache-dir", cache);

        Assert.Equal(expected.Exit, run.Exit);
        Assert.Contains($"the parse cache is not used for this run: '{cache}' can be written by other users", run.Output); // IISM9013
        Assert.Empty(Directory.EnumerateFileSystemEntries(cache)); // neither read nor written
        Assert.Equal(
            Regex.Matches(expected.Output, "\"ruleId\": \"(IISM[0-8]\\d{3})\"").Select(match => match.Value),
            Regex.Matches(run.Output, "\"ruleId\": \"(IISM[0-8]\\d{3})\"").Select(match => match.Value));
    }
}
