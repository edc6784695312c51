using System.Text;
using System.Text.Json.Nodes;
using System.Xml;

namespace Workflow.Api.Publishing;

/// <summary>
/// The latest signed tree heads of a statement's signatory log as an Atom feed, so that feed readers and archives keep
/// copies of every head: a later head that does not extend a kept one shows that the log was rewritten.
/// </summary>
public static class TreeHeadFeed
{
    public static string Atom(string slug, string statementUrl, IReadOnlyList<JsonNode> heads)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteElementString("title", $"Signed tree heads of the signatory log of {slug}");
            xml.WriteElementString("id", statementUrl + "/tree-heads");
            xml.WriteElementString("updated", heads.Count > 0 ? heads[^1]["timestamp"]!.GetValue<string>() : "1970-01-01T00:00:00Z");
            xml.WriteStartElement("link");
            xml.WriteAttributeString("href", statementUrl);
            xml.WriteEndElement();
            foreach (var head in heads.Reverse())
            {
                var size = head["treeSize"]!.GetValue<long>();
                xml.WriteStartElement("entry");
                xml.WriteElementString("title", $"Tree head: {size} entries, root {head["rootHash"]!.GetValue<string>()}");
                xml.WriteElementString("id", $"{statementUrl}/tree-heads/{size}");
                xml.WriteElementString("updated", head["timestamp"]!.GetValue<string>());
                xml.WriteStartElement("content");
                xml.WriteAttributeString("type", "text");
                xml.WriteString(head.ToJsonString());
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return text.ToString();
    }
}
