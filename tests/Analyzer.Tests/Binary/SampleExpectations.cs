namespace IisModuleValidator.Tests.Binary;

/// <summary>samples/expected-findings.txt: the hand-written ground truth for each committed sample binary.</summary>
internal static class SampleExpectations
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Load()
    {
        var expectations = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.Samples, "expected-findings.txt")))
        {
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var (path, rules) = (line[..line.IndexOf(':')], line[(line.IndexOf(':') + 1)..].Trim());
            expectations[path] = rules == "none" ? [] : [.. rules.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
        }
        return expectations;
    }
}
