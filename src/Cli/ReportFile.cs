namespace IisModuleValidator.Cli;

/// <summary>Writing the report to -o FILE without ever clobbering an input or leaving half a file behind.</summary>
public static class ReportFile
{
    public static bool CollidesWithInput(string outputPath, IEnumerable<string> inputs, string baseDirectory) =>
        inputs.Any(input => string.Equals(Path.GetFullPath(input, baseDirectory), outputPath, StringComparison.Ordinal));

    /// <summary>Writes to a temporary file beside the target, then moves it into place.</summary>
    public static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
            {
                writer.NewLine = "\n";
                write(writer);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
