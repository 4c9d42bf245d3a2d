using Microsoft.Build.Locator;

namespace IisModuleValidator.FrontEnds.Cpp.Projects;

/// <summary>
/// The MSBuild that evaluates projects: the one of the installed .NET SDK (or Visual Studio), found and registered once
/// by Microsoft.Build.Locator before any Microsoft.Build type is loaded. Where none is found, projects are read by
/// <see cref="VcxprojProject"/>'s own evaluation, and --verbose says so.
/// </summary>
internal static class MsBuildInstance
{
    private static readonly Lazy<string?> Registration = new(Register);

    /// <summary>Why MSBuild cannot be used, or null when it is registered.</summary>
    public static string? Unavailable => Registration.Value;

    private static string? Register()
    {
        if (Environment.GetEnvironmentVariable("IISM_NO_MSBUILD") == "1")
        {
            return "IISM_NO_MSBUILD=1";
        }
        try
        {
            if (!MSBuildLocator.IsRegistered)
            {
                var instance = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(candidate => candidate.Version).FirstOrDefault();
                if (instance is null)
                {
                    return "no .NET SDK or Visual Studio with MSBuild was found";
                }
                MSBuildLocator.RegisterInstance(instance);
            }
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return exception.Message;
        }
    }
}
