using Workflow.Core.Common;

namespace Workflow.Core.Tests.Common;

public class LanguageTagTests
{
    [Theory]
    [InlineData("es", "es")]
    [InlineData(" PT-br ", "pt-BR")]
    [InlineData("zh-Hant-TW", "zh-Hant-TW")]
    [InlineData("sr-latn", "sr-latn")]
    public void A_tag_has_one_written_form(string given, string canonical) => Assert.Equal(canonical, LanguageTag.Parse(given).Value);

    [Theory]
    [InlineData("")]
    [InlineData("e")]
    [InlineData("english")]
    [InlineData("es_ES")]
    [InlineData("es-")]
    [InlineData("<b>")]
    [InlineData("es\u200B")]
    public void What_is_not_a_tag_is_refused(string given)
    {
        Assert.False(LanguageTag.IsWellFormed(given));
        Assert.False(LanguageTag.TryParse(given, out _));
        Assert.Throws<FormatException>(() => LanguageTag.Parse(given));
    }

    [Fact]
    public void Two_spellings_of_one_tag_are_equal() => Assert.Equal(LanguageTag.Parse("PT-br"), LanguageTag.Parse("pt-BR"));
}
