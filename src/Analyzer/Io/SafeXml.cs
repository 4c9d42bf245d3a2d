using System.Xml;
using System.Xml.Linq;

namespace IisModuleValidator.Io;

/// <summary>
/// Project and configuration XML read safely: a regular file under the text cap, no DTD, no external entities, and
/// at most <see cref="MaxDepth"/> levels of elements (a project is a handful deep; 100,000 levels is an attack).
/// </summary>
public static class SafeXml
{
    public const int MaxDepth = 128;

    public static XDocument Load(string path, LoadOptions options = LoadOptions.SetLineInfo)
    {
        var text = SafeFile.ReadAllText(path);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreWhitespace = false,
        };
        try
        {
            // One pass to bound the depth before LINQ to XML builds a tree of it.
            using (var reader = XmlReader.Create(new StringReader(text), settings))
            {
                while (reader.Read())
                {
                    if (reader.Depth > MaxDepth)
                    {
                        throw new InvalidDataException($"elements are nested more than {MaxDepth} levels deep (line {((IXmlLineInfo)reader).LineNumber})");
                    }
                }
            }
            using var treeReader = XmlReader.Create(new StringReader(text), settings);
            return XDocument.Load(treeReader, options);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"not well-formed XML: {exception.Message}");
        }
    }
}
