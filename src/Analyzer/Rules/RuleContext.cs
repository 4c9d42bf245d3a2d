using IisModuleValidator.Catalog;

namespace IisModuleValidator.Rules;

/// <summary>What rules may know besides the model: the catalog and the user's expectations.</summary>
/// <param name="ExpectedArchitecture">From --expect-arch: x86, x64, arm64 or arm64ec (an x64 worker process on ARM64 Windows); null when not given.</param>
public sealed record RuleContext(RuleCatalog Catalog, string? ExpectedArchitecture = null);
