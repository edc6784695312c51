using Workflow.Core.Organisations;

namespace Workflow.Core.Tests.Common;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Parti Patriotique Démocratique Socialiste", "PARTI PATRIOTIQUE DEMOCRATIQUE SOCIALISTE")]
    [InlineData("The Communist Party (Marxist-Leninist)", "communist party marxist leninist")]
    [InlineData("Bloque Democrático Popular", "Bloque Democratico Popular")]
    [InlineData("Türkiye Komünist Partisi – Marksist-Leninist", "Turkiye Komunist Partisi - Marksist Leninist")]
    public void Spellings_of_one_name_meet(string a, string b) => Assert.Equal(NameKey.Of(a), NameKey.Of(b));

    [Fact]
    public void A_name_in_cyrillic_meets_its_latin_transliteration()
    {
        Assert.Equal(NameKey.Of("Rossiyskaya Maoistskaya Partiya"), NameKey.Of("Российская маоистская партия"));
        Assert.Equal(NameKey.Of("Marksistsko-leninskaya partiya"), NameKey.Of("Марксистско-ленинская партия"));
    }

    [Fact]
    public void Different_names_stay_apart() =>
        Assert.NotEqual(NameKey.Of("Communist Party of Togo"), NameKey.Of("Communist Party of Turkey"));
}
