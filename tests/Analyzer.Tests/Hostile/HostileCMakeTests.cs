using System.Text;
using IisModuleValidator.Analysis;

namespace IisModuleValidator.Tests.Hostile;

/// <summary>
/// CMake trees written to hurt the validator's own CMake reader, each beside a good module in one run: each costs its
/// own tree a notification (or nothing, where it can be read), the good module is still reported, and nothing is
/// written outside the scratch folder. Before, a value doubled 40 times took 4 GB and ended the whole run with an
/// OutOfMemoryException, and a tree that builds no DLL (or whose library was beyond the command cap) was an IISM9004.
/// </summary>
[Trait(Slow.Category, Slow.Value)]
public sealed class HostileCMakeTests
{
    private static readonly string MissingHandler = TestPaths.MissingHandlerSource;

    private const string Module = "#define _WINSOCKAPI_\n#include <windows.h>\n#include <httpserv.h>\nclass C : public CHttpModule {};\n";

    private static string Tree(TempDirectory temp, string name, string lists, params (string Name, string Text)[] files)
    {
        temp.File($"{name}/m.cpp", Encoding.UTF8.GetBytes(Module));
        foreach (var (file, text) in files)
        {
            temp.File($"{name}/{file}", Encoding.UTF8.GetBytes(text));
        }
        return temp.File($"{name}/CMakeLists.txt", Encoding.UTF8.GetBytes("project(p)\n" + lists));
    }

    [Fact]
    public void Hostile_trees_each_cost_their_own_tree_a_notification_and_the_good_module_is_reported()
    {
        using var temp = new TempDirectory();
        var doubling = Tree(temp, "doubling", "set(A \"0123456789abcdef\")\n" + string.Concat(Enumerable.Repeat("set(A \"${A}${A}\")\n", 40)) + "add_library(m SHARED m.cpp)\n");
        var appends = Tree(temp, "appends", string.Concat(Enumerable.Repeat("list(APPEND A abcdefghij)\n", 19_000)) + "add_library(m SHARED m.cpp)\n");
        var flood = Tree(temp, "flood", string.Concat(Enumerable.Range(0, 19_000).Select(i => $"configure_file(t.in ${{CMAKE_CURRENT_BINARY_DIR}}/o{i} @ONLY)\n"))
            + "add_library(m SHARED m.cpp)\n", ("t.in", new string('x', 100_000)));
        var deep = Tree(temp, "deep", string.Concat(Enumerable.Repeat("if(WIN32)\n", 100_000)) + "add_library(m SHARED m.cpp)\n" + string.Concat(Enumerable.Repeat("endif()\n", 100_000)));
        var itself = Tree(temp, "itself", "add_subdirectory(.)\nadd_subdirectory(.)\nadd_library(m SHARED m.cpp)\n");
        var executable = Tree(temp, "executable", "add_executable(m m.cpp)\n");
        var libraries = Tree(temp, "libraries", "add_library(m SHARED m.cpp)\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"add_library(l{i} SHARED plain.cpp)\n")),
            ("plain.cpp", "int plain();\n"));
        var outside = Path.Combine(temp.Path, "written-outside");
        var escape = Tree(temp, "escape", $"configure_file(t.in ${{CMAKE_CURRENT_BINARY_DIR}}/../../../../../../../..{outside} @ONLY)\n"
            + $"configure_file(t.in {outside}2 @ONLY)\nadd_library(m SHARED m.cpp)\n", ("t.in", "x\n"));

        var report = new ModuleValidator().Run([doubling, appends, flood, deep, itself, executable, libraries, escape, MissingHandler], temp.Path);

        Assert.Contains(report.Findings, finding => finding.RuleId == "IISM2001" && finding.Location.FilePath == MissingHandler);
        Assert.DoesNotContain(report.Notifications, notification => notification.RuleId == "IISM9004");
        string Notified(string tree) => string.Join("; ", report.Notifications.Where(notification => notification.FilePath == tree).Select(notification => $"{notification.RuleId}: {notification.Message}"));
        Assert.Contains("IISM9008", Notified(doubling));
        Assert.Contains("16 Mi characters", Notified(doubling));
        Assert.Contains("IISM9008", Notified(appends));
        Assert.Contains("IISM9008", Notified(flood));
        Assert.Contains("configure_file() calls write more than", Notified(flood));
        Assert.Contains("IISM9010", Notified(deep));
        Assert.Contains("more than 20000 commands", Notified(deep));
        Assert.Contains("the tree builds 301 shared or module libraries; the first 256 were analyzed", Notified(libraries));
        Assert.Equal("", Notified(itself));
        Assert.Equal("", Notified(executable));
        Assert.Contains(report.SkippedInputs, line => line.Contains("executable") && line.Contains("builds no shared or module library"));
        Assert.Contains(report.Inputs, input => input.FullPath == itself && input.Model is not null);
        Assert.False(File.Exists(outside) || File.Exists(outside + "2"), "configure_file() wrote outside the scratch folder");
        // The flood's expansions (o0, o1, ...) went with their scratch folder.
        Assert.DoesNotContain(Directory.EnumerateDirectories(Path.GetTempPath(), "iism-cmake-*"),
            folder => Directory.EnumerateFiles(folder, "o*", SearchOption.AllDirectories).Any());
    }
}
