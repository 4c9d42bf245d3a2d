using System.Text.RegularExpressions;
using IisModuleValidator.FrontEnds.Cpp.Projects;

namespace IisModuleValidator.FrontEnds.IisConfig;

/// <summary>
/// Windows paths of an IIS configuration as this machine can read them: %VARIABLES% from --env (and, on Windows, the
/// process's environment, as IIS expands them), then a drive from --root DRIVE=PATH (a copied tree), letter case and
/// backslashes resolved as on Windows. On Windows a drive without --root is the real one.
/// </summary>
public sealed partial class OfflinePaths(IReadOnlyDictionary<string, string>? roots = null, IReadOnlyDictionary<string, string>? environment = null)
{
    private readonly Dictionary<string, string> _roots = new((roots ?? new Dictionary<string, string>()), StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _environment = new((environment ?? new Dictionary<string, string>()), StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^([A-Za-z]):[\\/](.*)$")]
    private static partial Regex DrivePath();

    private string? Lookup(string name) =>
        _environment.TryGetValue(name, out var value) ? value : OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable(name) : null;

    /// <summary>The path here, or null with why it cannot be resolved offline.</summary>
    public (string? Path, string? Unresolved) Resolve(string windowsPath)
    {
        string? missing = null;
        var expanded = Variable().Replace(windowsPath, match =>
        {
            var name = match.Groups[1].Value;
            if (Lookup(name) is { } value)
            {
                return value;
            }
            missing ??= name;
            return match.Value;
        });
        if (missing is not null)
        {
            return (null, $"%{missing}% is not set: pass --env {missing}=VALUE");
        }
        if (DrivePath().Match(expanded) is not { Success: true } drive)
        {
            return Path.IsPathRooted(expanded) ? (expanded, null) : (null, $"'{expanded}' is not an absolute path");
        }
        if (_roots.TryGetValue(drive.Groups[1].Value, out var root))
        {
            // As Windows reads C:\..\x: '..' stops at the drive's root, so it never climbs out of the tree --root maps.
            var inDrive = new Stack<string>();
            foreach (var part in drive.Groups[2].Value.Split('\\', '/'))
            {
                if (part == "..")
                {
                    inDrive.TryPop(out _);
                }
                else if (part is not ("" or "."))
                {
                    inDrive.Push(part);
                }
            }
            return (WindowsPath.Resolve(string.Join('\\', inDrive.Reverse()), Path.GetFullPath(root)), null);
        }
        return OperatingSystem.IsWindows()
            ? (expanded, null)
            : (null, $"'{expanded}' is on drive {char.ToUpperInvariant(drive.Groups[1].Value[0])}: of the server: pass --root {char.ToUpperInvariant(drive.Groups[1].Value[0])}=DIR with a copy of it");
    }
}
