using System.Xml;
using System.Xml.Linq;
using IisModuleValidator.Io;
using IisModuleValidator.Model;

namespace IisModuleValidator.FrontEnds.IisConfig;

/// <summary>
/// Reads applicationHost.config, and the web.config files given with it, into a <see cref="DeploymentModel"/>: pools
/// (applicationPools/add over applicationPoolDefaults), sites and their applications, globalModules and every
/// &lt;modules&gt; collection (the server's, each &lt;location path&gt;'s, and that of every web.config in an application's
/// physical tree, given or found there, at its folder's URL below the application). XML is read by <see cref="SafeXml"/>: no DTD, no external entities, bounded size and depth.
/// Defaults are IIS's schema defaults (IIS_schema.xml): enable32BitAppOnWin64 false, managedPipelineMode Integrated,
/// managedRuntimeVersion v4.0, applicationPool DefaultAppPool.
/// </summary>
public static class IisConfigReader
{
    // A site's content can be large: web.config files are looked for among its first files only.
    private const int MaxFilesPerSite = 20_000;

    public static DeploymentModel Read(string applicationHost, IReadOnlyList<string> webConfigs, OfflinePaths paths, List<(string Subject, string Why)> problems)
    {
        var root = SafeXml.Load(applicationHost).Root ?? throw new InvalidDataException("the file has no root element");
        if (root.Name.LocalName != "configuration")
        {
            throw new InvalidDataException($"the root element is <{root.Name.LocalName}>, not <configuration>");
        }
        var host = root.Element("system.applicationHost");
        var poolsElement = host?.Element("applicationPools");
        var defaults = poolsElement?.Element("applicationPoolDefaults");
        var pools = (poolsElement?.Elements("add") ?? []).Select(pool => new AppPool(
            Attribute(pool, "name") ?? "",
            bool.TryParse(Attribute(pool, "enable32BitAppOnWin64") ?? Attribute(defaults, "enable32BitAppOnWin64"), out var wow64) && wow64,
            Attribute(pool, "managedPipelineMode") ?? Attribute(defaults, "managedPipelineMode") ?? "Integrated",
            Attribute(pool, "managedRuntimeVersion") ?? Attribute(defaults, "managedRuntimeVersion") ?? "v4.0",
            At(applicationHost, pool))).ToList();

        var sites = host?.Element("sites");
        var defaultPool = Attribute(sites?.Element("applicationDefaults"), "applicationPool") ?? "DefaultAppPool";
        var applications = new List<SiteApplication>();
        foreach (var site in sites?.Elements("site") ?? [])
        {
            var siteName = Attribute(site, "name") ?? "";
            var sitePool = Attribute(site.Element("applicationDefaults"), "applicationPool") ?? defaultPool;
            foreach (var application in site.Elements("application"))
            {
                var physical = application.Elements("virtualDirectory").FirstOrDefault(directory => Attribute(directory, "path") == "/");
                applications.Add(new SiteApplication(siteName, Attribute(application, "path") ?? "/", Attribute(application, "applicationPool") ?? sitePool,
                    Attribute(physical, "physicalPath"), At(applicationHost, application)));
            }
        }

        var globalModules = new List<GlobalModuleEntry>();
        var modules = new List<ModulesEntry>();
        foreach (var (webServer, configPath) in WebServerSections(root))
        {
            foreach (var add in webServer.Element("globalModules")?.Elements("add") ?? [])
            {
                var image = Attribute(add, "image") ?? "";
                var (resolved, unresolved) = paths.Resolve(image);
                globalModules.Add(new GlobalModuleEntry(Attribute(add, "name") ?? "", image, Attribute(add, "preCondition"), At(applicationHost, add), resolved, unresolved));
            }
            modules.AddRange(ModulesOf(webServer, configPath, applicationHost));
        }
        // Every web.config in an application's physical tree (here, after --root) counts as IIS counts it, given or not: at
        // the folder's URL below the application. A file in two trees belongs to the application with the deeper root.
        var roots = applications.Select(application => (Application: application,
                Root: application.PhysicalPath is { } physical && paths.Resolve(physical).Path is { } here && Directory.Exists(here) ? Path.TrimEndingDirectorySeparator(Path.GetFullPath(here)) : null))
            .Where(pair => pair.Root is not null).OrderByDescending(pair => pair.Root!.Length).ToList();
        var found = roots.SelectMany(pair => new Analysis.FolderWalker().Files(pair.Root!).Take(MaxFilesPerSite))
            .Where(file => Path.GetFileName(file).Equals("web.config", StringComparison.OrdinalIgnoreCase));
        foreach (var webConfig in webConfigs.Select(Path.GetFullPath).Concat(found).Distinct(StringComparer.Ordinal))
        {
            var folder = Path.GetDirectoryName(webConfig)!;
            // A root of "/" (physicalPath="C:\" under --root, or "/") ends in its separator already.
            var (owner, ownerRoot) = roots.FirstOrDefault(pair => folder == pair.Root || folder.StartsWith(Path.EndsInDirectorySeparator(pair.Root!) ? pair.Root! : pair.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal));
            if (owner is null)
            {
                problems.Add(($"'{webConfig}'", "it is in no site's physical folder (after --root), so the modules it adds apply to no site here"));
                continue;
            }
            var below = Path.GetRelativePath(ownerRoot!, folder).Replace('\\', '/');
            var configPath = below == "." ? owner.ConfigPath : $"{owner.ConfigPath}/{below}";
            XElement? webRoot;
            try
            {
                webRoot = SafeXml.Load(webConfig).Root;
            }
            catch (Exception exception) when (exception is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                problems.Add(($"'{webConfig}'", $"it cannot be read ({exception.Message})"));
                continue;
            }
            foreach (var (webServer, _) in WebServerSections(webRoot))
            {
                modules.AddRange(ModulesOf(webServer, configPath, webConfig));
            }
        }
        return new DeploymentModel(applicationHost, pools, applications, globalModules, modules);
    }

    /// <summary>A web.config given without an applicationHost.config: its &lt;modules&gt;, and nothing it could be checked against.</summary>
    public static DeploymentModel ReadWebConfig(string webConfig)
    {
        var root = SafeXml.Load(webConfig).Root ?? throw new InvalidDataException("the file has no root element");
        return new DeploymentModel(webConfig, [], [], [], [.. WebServerSections(root).SelectMany(section => ModulesOf(section.WebServer, section.ConfigPath, webConfig))])
        {
            IsServerConfig = false,
        };
    }

    /// <summary>system.webServer at the top and in each &lt;location&gt;, with the configuration path it applies to.</summary>
    private static IEnumerable<(XElement WebServer, string ConfigPath)> WebServerSections(XElement? root)
    {
        foreach (var webServer in root?.Elements("system.webServer") ?? [])
        {
            yield return (webServer, "");
        }
        foreach (var location in root?.Elements("location") ?? [])
        {
            var path = (Attribute(location, "path") ?? "").Trim('/', '.');
            foreach (var webServer in location.Elements("system.webServer"))
            {
                yield return (webServer, path);
            }
        }
    }

    private static IEnumerable<ModulesEntry> ModulesOf(XElement webServer, string configPath, string file) =>
        (webServer.Element("modules")?.Elements() ?? []).Where(element => element.Name.LocalName is "add" or "remove" or "clear")
            .Select(element => new ModulesEntry(element.Name.LocalName, Attribute(element, "name"), Attribute(element, "type"), Attribute(element, "preCondition"),
                configPath, At(file, element)));

    private static string? Attribute(XElement? element, string name) => element?.Attribute(name)?.Value;

    private static SourceLocation At(string file, XElement element) =>
        SourceLocation.InSource(file, ((IXmlLineInfo)element).LineNumber, ((IXmlLineInfo)element).LinePosition);
}
