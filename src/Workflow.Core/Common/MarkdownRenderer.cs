using Ganss.Xss;
using Markdig;

namespace Workflow.Core.Common;

/// <summary>
/// Renders user-supplied Markdown to HTML that is safe to show: raw HTML in the source is
/// not passed through, and the output goes through an allow-list sanitiser as well.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>Markdown nested deeper than the parser allows (about 128 levels) cannot be rendered; such a body is refused.</summary>
    public static bool CanRender(string markdown)
    {
        try
        {
            Markdown.Parse(markdown, Pipeline);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Safe HTML; text saved before <see cref="CanRender"/> was checked, if unrenderable, is shown escaped.</summary>
    public static string ToSafeHtml(string markdown)
    {
        try
        {
            return Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        }
        catch (ArgumentException)
        {
            return $"<pre>{System.Net.WebUtility.HtmlEncode(markdown)}</pre>";
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
