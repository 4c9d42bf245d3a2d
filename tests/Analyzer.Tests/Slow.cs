namespace IisModuleValidator.Tests;

/// <summary>
/// The trait of the test classes that build with the toolchain, pack, or parse with libclang: left out of the fast set
/// (<c>dotnet test tests/Analyzer.Tests --filter "Category!=Slow"</c>), run by CI with everything else.
/// </summary>
internal static class Slow
{
    public const string Category = "Category";
    public const string Value = "Slow";
}
