using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using IisModuleValidator.Analysis;
using IisModuleValidator.Tests.Cli;

namespace IisModuleValidator.Tests.Hostile;

/// <summary>
/// Project files written to hurt the evaluation: each sits beside a good module, costs its own project a notification
/// (or nothing, where the validator's own evaluation reads it), and the good module is still reported with the
/// documented exit code. MSBuild evaluates in a project worker with a budget and a scrubbed environment.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class HostileProjectTests
{
    private static readonly string MissingHandler = TestPaths.MissingHandlerSource;

    private static string Project(string body) => $"""
        <Project xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <ItemGroup><ProjectConfiguration Include="Release|x64" /></ItemGroup>
          {body}
          <ItemGroup><ClCompile Include="module.cpp" /></ItemGroup>
        </Project>
        """;

    /// <summary>The hostile project, with a copy of the missing-handler module as its one unit.</summary>
    private static string Write(TempDirectory temp, string body, string name = "hostile")
    {
        temp.File($"{name}/module.cpp", File.ReadAllBytes(MissingHandler));
        temp.CopyFiles(Path.Combine(TestPaths.Samples, "cpp", "common"), "common", "*.h");
        return temp.File($"{name}/{name}.vcxproj", Encoding.UTF8.GetBytes(Project(body)));
    }

    private static (AnalysisReport Report, TimeSpan Took) Check(TempDirectory temp, string project)
    {
        var clock = Stopwatch.StartNew();
        var report = new ModuleValidator().Run([project, MissingHandler], temp.Path);
        return (report, clock.Elapsed);
    }

    private static void AssertGoodModuleReported(AnalysisReport report) =>
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001" && finding.Location.FilePath == MissingHandler);

    /// <summary>The project's own unit was still analyzed, by the validator's own evaluation.</summary>
    private static void AssertProjectStillAnalyzed(AnalysisReport report, string project) =>
        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001" && finding.Location.FilePath.StartsWith(Path.GetDirectoryName(project)!, StringComparison.Ordinal));

    private static string ProjectNotification(AnalysisReport report, string project) =>
        Assert.Single(report.Notifications, notification => notification.FilePath == project && notification.RuleId == "IISM9010").Message;

    /// <summary>Each configuration's model lists every configuration's exports: 20,000 of them took a check 53 s.</summary>
    [Fact]
    public void Twenty_thousand_configurations_are_cut_to_the_first_32_with_a_notification()
    {
        using var temp = new TempDirectory();
        var project = Write(temp, "<ItemGroup>" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<ProjectConfiguration Include=\"C{i}|x64\" />")) + "</ItemGroup>");
        var vcproj = temp.File("old/old.vcproj", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><VisualStudioProject ProjectType=\"Visual C++\" Version=\"9.00\" Name=\"old\"><Configurations>"
            + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"<Configuration Name=\"C{i}|Win32\" ConfigurationType=\"2\" />"))
            + "</Configurations><Files><File RelativePath=\"module.cpp\" /></Files></VisualStudioProject>"));
        temp.File("old/module.cpp", File.ReadAllBytes(MissingHandler));

        var report = new ModuleValidator().Run([project, vcproj, MissingHandler], temp.Path);

        Assert.Contains(report.Notifications, notification => notification.FilePath == project && notification.Message.Contains("declares 20001 configurations; the first 32"));
        Assert.Contains(report.Notifications, notification => notification.FilePath == vcproj && notification.Message.Contains("declares 20000 configurations; the first 32"));
        AssertProjectStillAnalyzed(report, project);
        AssertGoodModuleReported(report);
    }

    [Fact]
    public void A_condition_nested_100000_parentheses_deep_costs_its_project_a_notification()
    {
        using var temp = new TempDirectory();
        var condition = new string('(', 100_000) + "'a'=='a'" + new string(')', 100_000);
        var project = Write(temp, $"<PropertyGroup Condition=\"{condition}\"><X>1</X></PropertyGroup>");

        var (report, _) = Check(temp, project);

        Assert.Contains("MSBuild's evaluation crashed", ProjectNotification(report, project));
        AssertProjectStillAnalyzed(report, project);
        AssertGoodModuleReported(report);
    }

    [Fact]
    public void A_property_that_doubles_line_after_line_is_stopped_at_the_memory_bound()
    {
        using var temp = new TempDirectory();
        var doubling = string.Concat(Enumerable.Repeat("<P>$(P)$(P)</P>", 40));
        var project = Write(temp, $"<PropertyGroup><P>0123456789abcdef</P>{doubling}</PropertyGroup>");

        var (report, _) = Check(temp, project);

        Assert.Matches("MSBuild's evaluation (used more than 512 MiB of memory|crashed|failed)", ProjectNotification(report, project));
        AssertProjectStillAnalyzed(report, project);
        AssertGoodModuleReported(report);
    }

    [Theory]
    [InlineData("$([System.IO.File]::ReadAllText('/dev/zero'))", "[System.IO.File]::ReadAllText")]
    [InlineData("$([System.Text.RegularExpressions.Regex]::IsMatch('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', '^(a+)+$'))", "[System.Text.RegularExpressions.Regex]::IsMatch")]
    [InlineData("$([System.IO.Directory]::GetFiles('/', '*', SearchOption.AllDirectories))", "[System.IO.Directory]::GetFiles")]
    [InlineData("$([System.Environment]::GetEnvironmentVariable('HOME'))", "[System.Environment]::GetEnvironmentVariable")]
    public void A_property_function_that_reads_or_backtracks_is_refused_before_evaluation(string function, string named)
    {
        using var temp = new TempDirectory();
        var project = Write(temp, $"<PropertyGroup><P>{function}</P></PropertyGroup>");

        var (report, took) = Check(temp, project);

        var message = ProjectNotification(report, project);
        Assert.Contains(named, message);
        Assert.Contains("validator's own evaluation", message);
        AssertProjectStillAnalyzed(report, project);
        AssertGoodModuleReported(report);
        Assert.True(took < TimeSpan.FromSeconds(20), $"took {took}");
    }

    [Fact]
    public void Existence_checks_and_computing_functions_are_evaluated_by_msbuild()
    {
        using var temp = new TempDirectory();
        var project = Write(temp, """
            <PropertyGroup>
              <HasProps>$([System.IO.File]::Exists('$(MSBuildThisFileDirectory)x.props'))</HasProps>
              <Root>$([MSBuild]::NormalizeDirectory('$(MSBuildThisFileDirectory)', 'src'))</Root>
              <Name>$([System.String]::Copy('module').ToUpperInvariant())</Name>
            </PropertyGroup>
            """);

        var (report, _) = Check(temp, project);

        Assert.DoesNotContain(report.Notifications, notification => notification.FilePath == project);
        AssertProjectStillAnalyzed(report, project);
    }

    [Fact]
    public void A_computed_import_of_a_device_ends_quickly_in_a_report()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var temp = new TempDirectory();
        var project = Write(temp, """
            <PropertyGroup><Zero>/dev/zero</Zero></PropertyGroup>
            <Import Project="$(Zero)" />
            """);

        var (report, took) = Check(temp, project);

        Assert.Contains("opened a FIFO or a device", ProjectNotification(report, project));
        AssertProjectStillAnalyzed(report, project);
        AssertGoodModuleReported(report);
        Assert.True(took < TimeSpan.FromSeconds(20), $"took {took}");
    }

    [Fact]
    public void A_computed_import_that_mkfifo_made_answers_at_once()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        using var temp = new TempDirectory();
        var project = Write(temp, """
            <PropertyGroup><Fifo>$(MSBuildThisFileDirectory)fifo.props</Fifo></PropertyGroup>
            <Import Project="$(Fifo)" />
            """);
        Process.Start("mkfifo", [Path.Combine(Path.GetDirectoryName(project)!, "fifo.props")])!.WaitForExit();

        var (report, took) = Check(temp, project);

        Assert.Contains("opened a FIFO", ProjectNotification(report, project));
        AssertProjectStillAnalyzed(report, project);
        AssertGoodModuleReported(report);
        Assert.True(took < TimeSpan.FromSeconds(20), $"took {took}");
    }

    [Fact]
    public void A_glob_over_the_whole_disk_is_stopped_by_the_listing_budget()
    {
        using var temp = new TempDirectory();
        var project = Write(temp, "<ItemGroup><ClCompile Include=\"/usr/**/*.nothing\" /></ItemGroup>");

        var (report, _) = Check(temp, project);

        // The validator's own evaluation then names the pattern as a file that does not exist: two notes for the project.
        Assert.Contains(report.Notifications, notification => notification.FilePath == project && notification.Message.Contains("more than 100,000 files and folders"));
        AssertProjectStillAnalyzed(report, project);
        AssertGoodModuleReported(report);
    }

    [Fact]
    public void An_sdk_that_would_be_restored_is_named_and_nothing_is_restored()
    {
        using var temp = new TempDirectory();
        var packages = Directory.CreateDirectory(Path.Combine(temp.Path, "feed")).FullName;
        temp.File("nuget.config", Encoding.UTF8.GetBytes($"""
            <configuration><packageSources><clear /><add key="repo" value="{packages}" /></packageSources></configuration>
            """));
        var project = Write(temp, "");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<Project xmlns", "<Project Sdk=\"Evil.Build.Sdk/6.6.6\" xmlns", StringComparison.Ordinal));

        var (report, _) = Check(temp, project);

        var message = ProjectNotification(report, project);
        Assert.Contains("'Evil.Build.Sdk/6.6.6'", message);
        Assert.Contains("restores nothing", message);
        AssertProjectStillAnalyzed(report, project);
        AssertGoodModuleReported(report);
        var home = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Assert.False(Directory.Exists(Path.Combine(home, "evil.build.sdk")));
    }

    [Fact]
    public async Task Check_of_a_foreign_sdk_beside_a_nuget_config_opens_no_network_socket_starts_only_its_workers_and_writes_only_its_own_files()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/strace"))
        {
            Assert.Fail("strace is needed (.ci/install-packages installs it)");
        }
        using var temp = new TempDirectory();
        temp.File("nuget.config", Encoding.UTF8.GetBytes("""
            <configuration><packageSources><clear /><add key="evil" value="https://feed.invalid/v3/index.json" /></packageSources></configuration>
            """));
        var project = Write(temp, "");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<Project xmlns", "<Project Sdk=\"Evil.Build.Sdk/6.6.6\" xmlns", StringComparison.Ordinal));
        var scratch = Directory.CreateDirectory(Path.Combine(temp.Path, "tmp")).FullName;
        var cache = Path.Combine(temp.Path, "cache");
        var output = Path.Combine(temp.Path, "out", "report.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var trace = Path.Combine(temp.Path, "strace.txt");
        var validator = Path.Combine(AppContext.BaseDirectory, "iis-module-validator.dll");

        var run = await TestProcess.Run("strace", ["-f", "-qq", "-s", "512", "-o", trace,
                "-e", "trace=execve,socket,connect,openat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,mknodat,symlinkat,linkat",
                Io.DotnetHost.Executable!, "exec", validator, "check", project, "--cache-dir", cache, "--format", "sarif", "-o", output],
            workingDirectory: temp.Path, environment: new Dictionary<string, string?> { ["TMPDIR"] = scratch });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Evil.Build.Sdk/6.6.6", File.ReadAllText(output));
        Reporting.SarifChecks.Valid(File.ReadAllText(output));
        var calls = File.ReadAllLines(trace).Where(line => !line.Contains("= -1 ", StringComparison.Ordinal)).ToList();
        // Processes: this one, and its workers through setsid(1).
        var started = calls.Where(line => line.Contains(" execve(", StringComparison.Ordinal)).ToList();
        Assert.All(started.Skip(1), line => Assert.Matches("execve\\(\"(/usr/bin/setsid|" + Regex.Escape(Io.DotnetHost.Executable!) + ")\".*\"__(parse|project)-worker\"", line));
        // Sockets: none to a network; the one local socket is the .NET runtime's diagnostics endpoint.
        Assert.All(calls.Where(line => line.Contains(" socket(", StringComparison.Ordinal)), line => Assert.Contains("socket(AF_UNIX", line));
        Assert.DoesNotContain(calls, line => line.Contains(" connect(", StringComparison.Ordinal) && !line.Contains("AF_UNIX", StringComparison.Ordinal));
        // Writes: the cache, the report (written beside it and renamed), the temp folder and the tool's data folder.
        string[] allowed = [cache, Path.GetDirectoryName(output)!, scratch, FrontEnds.Cpp.Toolchain.WindowsSdkPackage.ToolDataDirectory, "/dev/null"];
        var written = calls.Where(line => Regex.IsMatch(line, "O_WRONLY|O_RDWR|O_CREAT| (mkdir|mkdirat|rename|renameat2?|unlink|unlinkat|mknodat|symlinkat|linkat)\\("))
            .SelectMany(line => Regex.Matches(line, "\"(/[^\"]*)\"").Select(match => match.Groups[1].Value))
            .Where(path => !path.StartsWith("/proc/self/", StringComparison.Ordinal) && !path.StartsWith("/proc/thread-self/", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.NotEmpty(written);
        Assert.All(written, path => Assert.Contains(allowed, folder => path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages", "evil.build.sdk")));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("msbuild")]
    [InlineData("sarif")]
    [InlineData("github")]
    [InlineData("azdo")]
    public void A_secret_in_the_environment_or_in_a_file_the_project_reads_appears_in_no_output(string format)
    {
        using var temp = new TempDirectory();
        const string secret = "ghp_S3cr3tT0kenThatMustNeverLeak";
        var secretFile = temp.File("secret.txt", Encoding.UTF8.GetBytes(secret + "\n"));
        Environment.SetEnvironmentVariable("IISM_TEST_PIPELINE_TOKEN", secret);
        try
        {
            var fromEnvironment = Write(temp, "<ItemGroup><ClCompile Include=\"$(IISM_TEST_PIPELINE_TOKEN)/a.cpp\" /></ItemGroup>", "environment");
            var fromFile = Write(temp, $"<ItemGroup><ClCompile Include=\"$([System.IO.File]::ReadAllText('{secretFile}'))/b.cpp\" /></ItemGroup>", "file");

            var (exit, output, error) = CliRun.Run("check", fromEnvironment, fromFile, MissingHandler, "--format", format, "--verbose", "--base-dir", temp.Path);

            Assert.Equal(1, exit);
            Assert.DoesNotContain(secret, output + error);
            Assert.Contains("IISM2001", output);
            Assert.Contains("a.cpp", output); // the item is still named, as written
        }
        finally
        {
            Environment.SetEnvironmentVariable("IISM_TEST_PIPELINE_TOKEN", null);
        }
    }
}
