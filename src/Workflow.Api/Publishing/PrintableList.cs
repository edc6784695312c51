using System.Globalization;
using System.Net;
using Workflow.Core.Publishing;

namespace Workflow.Api.Publishing;

/// <summary>
/// The signatory list as HTML pages: the page to print or save as PDF, and the small page other sites embed, both
/// styled by the print stylesheet. What they say (title, about lines, groups, lines) is <see cref="ListFormats"/>'.
/// </summary>
public static class PrintableList
{
    /// <summary>
    /// A page to print or save as PDF: the signed text, then the list. Every value encoded (the text comes already
    /// rendered by the sanitising Markdown renderer), styles from the print stylesheet, no script.
    /// </summary>
    /// <param name="text">The signed text as safe HTML, in its language; null prints the list alone.</param>
    public static string Html(SignatoryList list, ListOrder order, string stylesheetUrl, (string Language, string Html)? text = null)
    {
        using var html = new StringWriter(CultureInfo.InvariantCulture);
        WriteHtml(html, list, order, stylesheetUrl, text);
        return html.ToString();
    }

    public static void WriteHtml(TextWriter html, SignatoryList list, ListOrder order, string stylesheetUrl,
        (string Language, string Html)? text = null)
    {
        html.Write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Write($"<title>{Encode(ListFormats.Title(list))}</title><link rel=\"stylesheet\" " +
            $"href=\"{Encode(stylesheetUrl)}\"></head><body>");
        html.Write($"<h1 dir=\"auto\">{Encode(ListFormats.Title(list))}</h1><p class=\"about\">");
        html.Write(string.Join("<br>", ListFormats.About(list).Select(Encode)));
        html.Write("</p>");
        if (text is { } signed)
        {
            html.Write($"<article class=\"text\" lang=\"{Encode(signed.Language)}\" dir=\"auto\">");
            html.Write(signed.Html);
            html.Write("</article>");
        }
        foreach (var (heading, signatories) in ListFormats.Arrange(list, order))
        {
            html.Write($"<h2>{Encode(heading)}</h2><ol class=\"signatories\">");
            foreach (var s in signatories) html.Write($"<li value=\"{s.Number}\">{Encode(ListFormats.Line(s))}</li>");
            html.Write("</ol>");
        }
        html.Write($"<p class=\"proof\">Text signed: version {list.VersionNumber}, SHA-256 <code>{list.TextHash}</code>. ");
        html.Write($"Signatory log: {list.LogSize} entries, root hash <code>{list.LogRoot}</code>.</p></body></html>");
    }

    /// <summary>A small page meant for an iframe on other sites: the title, how many have signed, and a link.</summary>
    public static string Widget(SignatoryList list, string statementUrl, string stylesheetUrl) =>
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" +
        $"<title>{Encode(ListFormats.Title(list))}</title><link rel=\"stylesheet\" href=\"{Encode(stylesheetUrl)}\"></head>" +
        "<body class=\"widget\">" +
        $"<p><strong>{Encode(ListFormats.Title(list))}</strong></p><p>{Encode(ListFormats.Count(list))}</p>" +
        $"<p>{Encode(ListFormats.About(list)[0])}</p>" +
        $"<p><a href=\"{Encode(statementUrl)}\" target=\"_top\">Read the statement and the list</a></p></body></html>";

    /// <summary>
    /// The stylesheet of both pages, served at /styles/print.css. Not a file in wwwroot: the static files would answer it
    /// as "text/css" without the charset, with ETag and Last-Modified, and outside the OpenAPI document.
    /// </summary>
    public const string Stylesheet = """
        body { font-family: Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #111; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        ol.signatories li { margin: 0.2rem 0; break-inside: avoid; }
        .text { margin: 1.5rem 0 2rem; } .text p { break-inside: avoid; }
        .proof { margin-top: 2rem; font-size: 0.8rem; color: #444; word-break: break-all; }
        @media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
