using IisModuleValidator.FrontEnds.Cpp.Projects;
using IisModuleValidator.Io;
using Microsoft.VisualStudio.SolutionPersistence.Model;
using Microsoft.VisualStudio.SolutionPersistence.Serializer;

namespace IisModuleValidator.Analysis;

/// <summary>
/// The C++ and C# projects a Visual Studio solution lists, .sln or .slnx, read by Visual Studio's own solution library
/// (Microsoft.VisualStudio.SolutionPersistence), with their Windows paths resolved here. The file is read as any input is
/// (a regular file under the cap) and an .slnx is first read as safe XML (no DTD, bounded), so the library only ever
/// sees bytes that passed our rules. Solution folders and projects of other kinds are passed over, each said in --verbose.
/// </summary>
internal static class SolutionFile
{
    private static readonly string[] ProjectExtensions = [".vcxproj", ".vcproj", ".csproj"];

    public static bool IsSolution(string path) =>
        path.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="InvalidDataException">The file is not a solution the library can read.</exception>
    public static (IReadOnlyList<string> Projects, IReadOnlyList<string> Missing, IReadOnlyList<string> Skipped) Projects(string solution)
    {
        var bytes = SafeFile.ReadAllBytes(solution, SafeFile.MaxTextBytes);
        var xml = solution.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase);
        if (xml)
        {
            SafeXml.Load(solution); // refuses DTDs, entities and depth before the library parses it
        }
        SolutionModel model;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            model = (xml ? SolutionSerializers.SlnXml.OpenAsync(stream, CancellationToken.None) : SolutionSerializers.SlnFileV12.OpenAsync(stream, CancellationToken.None))
                .GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not InvalidDataException)
        {
            throw new InvalidDataException($"not a solution Visual Studio can read ({exception.GetType().Name})", exception);
        }
        var directory = Path.GetDirectoryName(solution)!;
        var projects = new List<string>();
        var missing = new List<string>();
        var skipped = model.SolutionFolders.Select(folder => $"{solution}: solution folder '{BoundedText.Of(folder.Path)}' (holds no code)").ToList();
        foreach (var project in model.SolutionProjects)
        {
            var relative = project.FilePath;
            if (!ProjectExtensions.Contains(Path.GetExtension(relative), StringComparer.OrdinalIgnoreCase))
            {
                skipped.Add($"{solution}: '{BoundedText.Of(relative)}' is not a C++ or C# project");
                continue;
            }
            var path = WindowsPath.Resolve(relative, directory);
            if (File.Exists(path))
            {
                projects.Add(path);
            }
            else
            {
                missing.Add(relative);
            }
        }
        return (projects, missing, skipped);
    }
}
