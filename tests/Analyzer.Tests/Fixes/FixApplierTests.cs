using System.Text;
using IisModuleValidator.Analysis.Fixes;
using IisModuleValidator.Catalog;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Tests.Fixes;

/// <summary>The fixes' mechanics on files of our own: the mask's shape kept, edits only where the file still holds what
/// they were made from, one edit per place, encodings and non-ASCII columns kept.</summary>
public sealed class FixApplierTests
{
    private static Registration WithPostMask(string path, string written, int line = 1, int column = 1) =>
        new(RegistrationKind.Request, "F", "M", MaskValue.Known(1), MaskValue.Known(0), SourceLocation.InSource(path, line, 1), EvidenceSource.Cpp)
        {
            PostMaskSpan = new SourceSpan(path, line, column, line, column + Encoding.UTF8.GetByteCount(written), written),
        };

    [Theory]
    [InlineData("RQ_SEND_RESPONSE", "0")]
    [InlineData("RQ_BEGIN_REQUEST | RQ_SEND_RESPONSE | RQ_MAP_PATH", "RQ_BEGIN_REQUEST")]
    [InlineData("RQ_MAP_PATH|RQ_END_REQUEST|(RQ_READ_ENTITY)", "RQ_END_REQUEST")]
    public void A_post_mask_loses_only_its_bits_without_a_post_event_and_keeps_its_separators(string written, string expected)
    {
        var edit = Assert.Single(CppFixes.RemovePostBitsWithoutPostEvent(WithPostMask("m.cpp", written))!.Edits);
        Assert.Equal(expected, edit.Text);
        Assert.Equal(written, edit.Expected);
    }

    [Theory]
    [InlineData("postMask")]
    [InlineData("MASK(RQ_SEND_RESPONSE)")]
    [InlineData("RQ_BEGIN_REQUEST | RQ_END_REQUEST")]
    public void A_mask_that_is_not_constants_joined_by_bars_or_needs_nothing_gets_no_fix(string written)
    {
        Assert.Null(CppFixes.RemovePostBitsWithoutPostEvent(WithPostMask("m.cpp", written)));
    }

    private static Finding WithFix(string path, TextEdit edit, bool choice = false) =>
        new(path, RuleIds.PostEventDoesNotExist, RuleLevel.Error, "m", SourceLocation.InSource(path, 1, 1), "k", []) { Fixes = [new Fix("f", [edit], choice)] };

    [Fact]
    public void Edits_apply_once_where_the_file_still_holds_what_they_were_made_from_and_keep_its_encoding()
    {
        using var temp = new TempDirectory();
        // UTF-16 with a BOM and CRLF, and a non-ASCII character before the edit on its line (columns count UTF-16 units).
        const string text = "// é\r\nx = Set(f, RQ_BEGIN_REQUEST, RQ_SEND_RESPONSE);\r\n";
        var path = temp.File("m.cpp", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text.Replace("x =", "é ="))]);
        var start = "é = Set(f, RQ_BEGIN_REQUEST, ".Length + 1;
        var edit = new TextEdit(path, 2, start, 2, start + "RQ_SEND_RESPONSE".Length, "0", "RQ_SEND_RESPONSE");
        // The same edit on two findings (one mask, two bits) counts once; a choice is not applied.
        var insertion = new TextEdit(path, 1, 1, 1, 1, "// chosen\r\n", "");
        var outcome = FixApplier.Apply([WithFix(path, edit), WithFix(path, edit), WithFix(path, insertion, choice: true)], write: true);

        Assert.Equal(1, outcome.Applied);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xFF, 0xFE], bytes[..2]);
        Assert.Equal("// é\r\né = Set(f, RQ_BEGIN_REQUEST, 0);\r\n", Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2));

        var again = FixApplier.Apply([WithFix(path, edit)], write: true);
        Assert.Equal(0, again.Applied);
        Assert.Contains("no longer holds what the fix was made from", Assert.Single(again.Skipped));
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_link_is_not_edited_and_a_dry_run_writes_nothing()
    {
        using var temp = new TempDirectory();
        var path = temp.File("m.cpp", "a = RQ_SEND_RESPONSE;\n"u8.ToArray());
        var link = Path.Combine(temp.Path, "link.cpp");
        File.CreateSymbolicLink(link, path);
        var edit = new TextEdit(link, 1, 5, 1, 21, "0", "RQ_SEND_RESPONSE");
        Assert.Contains("not a regular file", Assert.Single(FixApplier.Apply([WithFix(link, edit)], write: true).Skipped));

        var dry = FixApplier.Apply([WithFix(path, edit with { FilePath = path })], write: false);
        Assert.Equal("a = 0;\n", Assert.Single(dry.Changes).After);
        Assert.Equal("a = RQ_SEND_RESPONSE;\n", File.ReadAllText(path));
        Assert.Contains("-a = RQ_SEND_RESPONSE;\n+a = 0;\n", UnifiedDiff.Of("m.cpp", dry.Changes[0].Before, dry.Changes[0].After));
    }
}
