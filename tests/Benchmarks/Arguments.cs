using System.Globalization;

namespace IisModuleValidator.Benchmarks;

/// <summary>The benchmarks' "--name value" options.</summary>
internal static class Arguments
{
    public static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    public static int Option(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
