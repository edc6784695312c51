using Workflow.Core.Common;

namespace Workflow.Core.Tests.Common;

public sealed class TextSafetyTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<a href=\"#\" onclick=\"alert(1)\">x</a>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("<svg/onload=alert(1)>")]
    [InlineData("[x](JaVaScRiPt:alert(1))")]
    public void Markdown_never_renders_script(string payload)
    {
        var html = MarkdownRenderer.ToSafeHtml($"Before {payload} after");

        // Read it as a browser would: escaped text is harmless, elements and attributes are not.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>");
        var elements = document.Body!.QuerySelectorAll("*").ToList();
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "iframe" or "svg" or "object" or "embed");
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(elements.SelectMany(e => e.Attributes), a => a.Value.Trim()
            .StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Before", document.Body.TextContent);
    }

    [Fact]
    public void Markdown_keeps_ordinary_formatting_and_links()
    {
        var html = MarkdownRenderer.ToSafeHtml("## Demands\n\n1. **Release** Pedro Castillo\n\nSee [the source](https://example.org/a).");
        Assert.Contains("<h2", html);
        Assert.Contains("<strong>Release</strong>", html);
        Assert.Contains("href=\"https://example.org/a\"", html);
    }

    [Theory]
    [InlineData("Hands off Peru!", "hands-off-peru")]
    [InlineData("Solidaridad con el pueblo peruano: ¡Abajo la dictadura!", "solidaridad-con-el-pueblo-peruano-abajo-la-dictadura")]
    [InlineData("Côte d'Ivoire — déclaration", "cote-d-ivoire-declaration")]
    [InlineData("Российская маоистская партия", "rossiyskaya-maoistskaya-partiya")]
    [InlineData("Заявление о свободе", "zayavlenie-o-svobode")]
    [InlineData("Δήλωση αλληλεγγύης", "dilosi-allileggyis")]
    [InlineData("بيان تضامن", "byn-tdmn")] // AnyAscii writes Arabic as its consonants
    [InlineData("Straße — «Freiheit»", "strasse-freiheit")]
    [InlineData("¿?", "statement")]
    public void Slugs_are_lower_case_ascii_with_hyphens(string title, string slug)
    {
        Assert.Equal(slug, Slug.From(title));
        Assert.True(Slug.IsWellFormed(slug));
    }

    [Fact]
    public void A_text_hash_is_the_sha256_of_title_two_line_feeds_and_body()
    {
        // printf 'T\n\nB' | sha256sum
        Assert.Equal(TextHash.Sha256Hex("T\n\nB"), TextHash.Of("T", "B"));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TextHash.Sha256Hex("abc"));
    }
}
