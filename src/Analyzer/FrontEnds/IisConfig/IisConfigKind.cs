namespace IisModuleValidator.FrontEnds.IisConfig;

/// <summary>
/// Which kind of IIS configuration a file is, by its content rather than its name, so that a staged
/// applicationHost.staging.config is read as the server's and a Web.Release.config as a site's: a &lt;configuration&gt;
/// with &lt;system.applicationHost&gt; is the server's, any other &lt;configuration&gt; a site's (web.config). A file that
/// cannot be read counts as the server's, whose reader then says what is wrong with it.
/// </summary>
public static class IisConfigKind
{
    public static bool IsWebConfig(string path)
    {
        if (Path.GetFileName(path).Equals("web.config", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        try
        {
            return Io.SafeXml.Load(path).Root is { Name.LocalName: "configuration" } root && root.Element("system.applicationHost") is null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException or System.Xml.XmlException)
        {
            return false;
        }
    }
}
