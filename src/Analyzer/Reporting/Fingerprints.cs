using System.Security.Cryptography;
using System.Text;
using IisModuleValidator.Model;
using IisModuleValidator.Rules;

namespace IisModuleValidator.Reporting;

/// <summary>
/// A finding's line-independent identity (SARIF partialFingerprints): its rule, its file relative to the base folder and
/// the logical thing it is about (an export, a class and method), hashed. Edits that move lines keep it; baselines match on it.
/// </summary>
public static class Fingerprints
{
    public const string Name = "iisModuleValidator/v1";

    public static string Of(Finding finding, string baseDirectory)
    {
        var key = $"{finding.RuleId}|{PathDisplay.For(baseDirectory, finding.Location.FilePath)}|{finding.FingerprintKey}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
    }
}
