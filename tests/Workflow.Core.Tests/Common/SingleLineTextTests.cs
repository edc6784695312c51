using FluentValidation;
using Workflow.Core.Common;

namespace Workflow.Core.Tests.Common;

public sealed class SingleLineTextTests
{
    public static TheoryData<string> NotOneLine => new()
    {
        "A\nB", "A\rB", "A\tB", "A\u0000B", "A\u0007B", "A\u007FB", "A\u0085B", "A\u009BB", "A\u2028B", "A\u2029B",
        "A\u202AB", "A\u202BB", "A\u202CB", "A\u202DB", "A\u202EB", "A\u2066B", "A\u2067B", "A\u2068B", "A\u2069B",
        "A\u200EB", "A\u200FB", "A\u061CB", "A\u200BB", "A\u2060B", "A\uFEFFB", "A\u00ADB",
        "A\uDB40\uDC41B", // a tag character, outside the BMP
        "A\uFFFEB", "A\uFFFF", "A\uFDD0B",
    };

    [Theory, MemberData(nameof(NotOneLine))]
    public void Refuses_breaks_controls_invisible_formatting_broken_surrogates_and_noncharacters(string text) =>
        Assert.False(SingleLineText.IsSingleLine(text));

    [Fact]
    public void Refuses_half_a_surrogate_pair()
    {
        // Not as theory data, which test discovery would carry as UTF-8 and so turn into U+FFFD.
        foreach (var text in new[] { "A\uD800B", "A\uDC00", "A\uD800", "\uDC00\uD800" })
            Assert.False(SingleLineText.IsSingleLine(text));
    }

    [Theory]
    [InlineData("Partido Comunista del Perú – Patria Roja")]
    [InlineData("می\u200Cخواهم")] // Persian with a zero-width non-joiner
    [InlineData("क्\u200Dष")] // Devanagari with a zero-width joiner
    [InlineData("👩\u200D💻 Collective")] // an emoji sequence, outside the BMP
    [InlineData("حزب العمال")]
    [InlineData("Rode\u00A0Morgen")] // a no-break space is a space, not a break
    [InlineData("")]
    public void Keeps_names_in_any_script(string text) => Assert.True(SingleLineText.IsSingleLine(text));

    [Fact]
    public void Flattening_turns_each_run_of_breaks_into_one_space_and_drops_invisible_characters()
    {
        Assert.Equal("Target Party 3. Forged", SingleLineText.Flatten("Target Party\r\n\n3. Forged"));
        Assert.Equal("Target Party 3. Forged", SingleLineText.Flatten("Target Party \u2028 3. Forged\u0007"));
        Assert.Equal("evil", SingleLineText.Flatten("\u202Eevil\u202C\uFFFF\uD800"));
        Assert.Equal("می\u200Cخواهم", SingleLineText.Flatten("می\u200Cخواهم"));
        Assert.Null(SingleLineText.FlattenOrNull(null));
    }

    private sealed record Named(string Name, string? Role);

    private sealed class NamedValidator : AbstractValidator<Named>
    {
        public NamedValidator()
        {
            RuleFor(n => n.Name).NotEmpty().IsSingleLineName();
            RuleFor(n => n.Role).IsSingleLineName();
        }
    }

    [Fact]
    public void The_rule_names_the_field_and_lets_an_absent_value_pass()
    {
        var result = new NamedValidator().Validate(new Named("A\nB", "Secretary\u202E"));
        Assert.Equal(["Name", "Role"], result.Errors.Select(e => e.PropertyName));
        Assert.Equal("'Name' must be one line of text, without line breaks, control characters or invisible formatting characters.",
            result.Errors[0].ErrorMessage);
        Assert.True(new NamedValidator().Validate(new Named("Ana", null)).IsValid);
    }
}
