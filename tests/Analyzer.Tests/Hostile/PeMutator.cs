namespace IisModuleValidator.Tests.Hostile;

/// <summary>
/// Deterministic mutants of real DLLs for the PE reader and the recovery: bit flips and byte overwrites aimed at the
/// headers, the section table, the data directories and the export directory, and truncation at every header boundary.
/// The same seeds and seed number give the same mutants.
/// </summary>
public static class PeMutator
{
    private static readonly byte[] Interesting = [0x00, 0xFF, 0x7F, 0x80, 0x01, 0xFE];

    public static IEnumerable<byte[]> Mutants(IReadOnlyList<byte[]> seeds, int count, int seed)
    {
        var random = new Random(seed);
        var truncations = seeds.SelectMany(original => Boundaries(original).Select(length => original[..length])).ToList();
        foreach (var truncated in truncations.Take(count))
        {
            yield return truncated;
        }
        for (var i = truncations.Count; i < count; i++)
        {
            var original = seeds[random.Next(seeds.Count)];
            var mutant = (byte[])original.Clone();
            var regions = Regions(original);
            var edits = 1 + random.Next(4);
            for (var edit = 0; edit < edits; edit++)
            {
                var (start, length) = regions[random.Next(regions.Count)];
                var at = start + random.Next(Math.Max(1, length));
                if (at >= mutant.Length)
                {
                    continue;
                }
                if (random.Next(2) == 0)
                {
                    mutant[at] ^= (byte)(1 << random.Next(8));
                }
                else
                {
                    mutant[at] = Interesting[random.Next(Interesting.Length)];
                }
            }
            yield return mutant;
        }
    }

    /// <summary>The file offsets where a header or a section starts or ends.</summary>
    private static IEnumerable<int> Boundaries(byte[] image)
    {
        var (pe, optionalSize, sections, sectionCount) = Layout(image);
        var boundaries = new SortedSet<int> { 0, 2, 0x3C, 0x40, pe, pe + 4, pe + 24, pe + 24 + optionalSize };
        for (var i = 0; i <= sectionCount; i++)
        {
            boundaries.Add(sections + i * 40);
        }
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sections + i * 40;
            if (header + 40 <= image.Length)
            {
                var raw = BitConverter.ToInt32(image, header + 20);
                var size = BitConverter.ToInt32(image, header + 16);
                boundaries.Add(raw);
                boundaries.Add(raw + size / 2);
            }
        }
        return boundaries.Where(length => length > 0 && length < image.Length);
    }

    private static List<(int Start, int Length)> Regions(byte[] image)
    {
        var (pe, optionalSize, sections, sectionCount) = Layout(image);
        var regions = new List<(int, int)> { (0, 0x40), (pe, 24), (pe + 24, optionalSize), (sections, sectionCount * 40) };
        // The data directories: the last 16 entries of the optional header.
        regions.Add((pe + 24 + optionalSize - 128, 128));
        if (ExportDirectoryOffset(image, pe, optionalSize, sections, sectionCount) is { } exports)
        {
            regions.Add((exports, 40));
            regions.Add((exports, 256));
        }
        return regions;
    }

    private static (int Pe, int OptionalSize, int Sections, int SectionCount) Layout(byte[] image)
    {
        var pe = BitConverter.ToInt32(image, 0x3C);
        var sectionCount = BitConverter.ToUInt16(image, pe + 6);
        var optionalSize = BitConverter.ToUInt16(image, pe + 20);
        return (pe, optionalSize, pe + 24 + optionalSize, sectionCount);
    }

    private static int? ExportDirectoryOffset(byte[] image, int pe, int optionalSize, int sections, int sectionCount)
    {
        var exportRva = BitConverter.ToUInt32(image, pe + 24 + optionalSize - 128);
        for (var i = 0; i < sectionCount; i++)
        {
            var header = sections + i * 40;
            var virtualAddress = BitConverter.ToUInt32(image, header + 12);
            var rawSize = BitConverter.ToUInt32(image, header + 16);
            var raw = BitConverter.ToUInt32(image, header + 20);
            if (exportRva >= virtualAddress && exportRva - virtualAddress < rawSize)
            {
                return (int)(raw + exportRva - virtualAddress);
            }
        }
        return null;
    }
}
