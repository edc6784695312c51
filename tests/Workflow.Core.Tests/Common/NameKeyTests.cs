using Workflow.Core.Organisations;
using Workflow.Core.Organisations.Unicode;

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
    public void Different_names_stay_apart()
    {
        Assert.NotEqual(NameKey.Of("Communist Party of Togo"), NameKey.Of("Communist Party of Turkey"));
        Assert.NotEqual(NameKey.SkeletonOf("Communist Party of Togo"), NameKey.SkeletonOf("Communist Party of Turkey"));
        Assert.NotEqual(NameKey.SkeletonOf("Communist Party"), NameKey.SkeletonOf("Socialist Party"));
    }

    // U+E0041 TAG LATIN CAPITAL LETTER A, U+E007F CANCEL TAG, U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+00AD SOFT HYPHEN,
    // U+FE0F VARIATION SELECTOR-16, U+061C ARABIC LETTER MARK: all invisible, all Default_Ignorable_Code_Point.
    [Theory]
    [InlineData("Commu\U000E0041\U000E007Fnist Party")]
    [InlineData("Com\u200Bmunist Par\u2060ty")]
    [InlineData("Commu\u00ADnist\uFE0F Party\u061C")]
    public void Invisible_characters_inside_a_name_are_ignored(string hidden)
    {
        Assert.Equal(NameKey.Of("Communist Party"), NameKey.Of(hidden));
        Assert.Equal(NameKey.SkeletonOf("Communist Party"), NameKey.SkeletonOf(hidden));
    }

    [Theory]
    [InlineData("SociaIist Party", "Socialist Party")] // capital I for small l
    [InlineData("Socia1ist Party", "Socialist Party")] // digit one for small l
    [InlineData("SOCIALIST PARTY", "SociaIist Party")]
    [InlineData("Раrtу", "Party")] // Cyrillic Р, а and у among Latin r and t
    [InlineData("Соmmunist Раrty", "Communist Party")] // Cyrillic С, о, Р, а
    [InlineData("Communist Ρarty", "Communist Party")] // Greek capital rho
    [InlineData("Ｃｏｍｍｕｎｉｓｔ Party", "Communist Party")] // full-width letters
    [InlineData("𝐂𝐨𝐦𝐦𝐮𝐧𝐢𝐬𝐭 Party", "Communist Party")] // mathematical bold, outside the BMP
    public void Names_that_only_look_alike_meet_by_their_skeleton(string lookAlike, string name) =>
        Assert.Equal(NameKey.SkeletonOf(name), NameKey.SkeletonOf(lookAlike));

    [Theory]
    [InlineData("KKE", "ΚΚΕ")] // Greek capitals kappa, kappa, epsilon
    [InlineData("PCP", "РСР")] // Cyrillic capitals er, es, er
    [InlineData("P.C.P.", "pcp")]
    public void Acronyms_that_look_alike_meet(string acronym, string lookAlike) =>
        Assert.Equal(NameKey.SkeletonOfAcronym(acronym), NameKey.SkeletonOfAcronym(lookAlike));

    [Fact]
    public void The_skeleton_is_the_one_of_unicode_ts_39()
    {
        // Examples of UTS #39 and of confusables.txt itself.
        Assert.Equal(Uts39.Skeleton("paypal"), Uts39.Skeleton("pаypаl")); // Cyrillic а
        Assert.Equal("l", Uts39.Skeleton("I"));
        Assert.Equal("l", Uts39.Skeleton("1"));
        Assert.Equal("rn", Uts39.Skeleton("m"));
        Assert.Equal("O", Uts39.Skeleton("0"));
        Assert.Equal("", Uts39.Skeleton("\U000E0041\u200D\uFEFF"));
    }

    [Fact]
    public void Default_ignorable_code_points_are_unicodes()
    {
        foreach (var ignorable in new[] { 0x00AD, 0x034F, 0x061C, 0x115F, 0x17B4, 0x180E, 0x200B, 0x200F, 0x202E, 0x2060, 0x206F, 0x3164,
            0xFE00, 0xFEFF, 0xFFA0, 0xFFF8, 0x1BCA3, 0x1D173, 0xE0001, 0xE0041, 0xE0FFF })
            Assert.True(Uts39.IsDefaultIgnorable(ignorable), $"U+{ignorable:X4}");
        foreach (var visible in new[] { 'a', ' ', '-', 0x00A0, 0x0300, 0x2010, 0x2070, 0xFFFD, 0x1BCA4, 0xE1000 })
            Assert.False(Uts39.IsDefaultIgnorable(visible), $"U+{visible:X4}");
    }

    [Fact]
    public void The_directory_takes_a_look_alike_or_hidden_spelling_for_the_same_name()
    {
        var party = Organisation.Register(new OrganisationDetails("Communist Party", null, "CP", "GB"), DateTimeOffset.UnixEpoch);
        Assert.Contains(MatchReason.Name, party.Matches(new OrganisationDetails("Commu\U000E0041nist Party", null, null, "GB")));
        Assert.Contains(MatchReason.Name, party.Matches(new OrganisationDetails("CommunIst Party", null, null, "GB")));
        Assert.Contains(MatchReason.Name, party.Matches(new OrganisationDetails("Соmmunist Раrty", null, null, "GB")));
        Assert.Contains(MatchReason.AcronymAndCountry, party.Matches(new OrganisationDetails("Someone else", null, "С\u200BР", "GB")));
        Assert.Empty(party.Matches(new OrganisationDetails("Socialist Party", null, "SP", "GB")));
    }

    [Fact]
    public void A_lone_surrogate_is_read_as_a_replacement_character_not_an_error()
    {
        Assert.Equal("a b", NameKey.SkeletonOf("a\uD800b"));
        Assert.Equal(NameKey.Of("a b"), NameKey.Of("a\uDC00b"));
    }

    [Fact]
    public void Keys_are_never_longer_than_their_columns()
    {
        var name = string.Concat(Enumerable.Repeat("中㎖", Organisation.NameMaxLength / 2));
        Assert.InRange(NameKey.Of(name).Length, 1, NameKey.MaxLength);
        Assert.InRange(NameKey.SkeletonOf(name).Length, 1, NameKey.MaxLength);
        Assert.InRange(NameKey.OfAcronym(name[..Organisation.AcronymMaxLength]).Length, 1, NameKey.AcronymMaxLength);
    }
}
