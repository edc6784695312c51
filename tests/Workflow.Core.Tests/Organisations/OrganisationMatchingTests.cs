using Workflow.Core.Organisations;

namespace Workflow.Core.Tests.Organisations;

public sealed class OrganisationMatchingTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Organisation Record(string name = "Partido Comunista del Perú", string? english = "Communist Party of Peru",
        string? acronym = "PCP",
        string? country = "PE", string? website = "https://www.pcp.org.pe/inicio") =>
        Organisation.Register(new OrganisationDetails(name, english, acronym, country, website), Now);

    private static OrganisationDetails Details(string name = "Someone Else", string? english = null, string? acronym = null,
        string? country = "PE",
        string? website = null) => new(name, english, acronym, country, website);

    [Fact]
    public void A_registered_record_keeps_its_names_as_given_tidied_and_is_keyed_for_the_directory()
    {
        var record = Organisation.Register(new OrganisationDetails("  Partido Comunista del Perú ", "  ", " P.C.P. ", " pe ", "pcp.org.pe"),
            Now, "drafter",
            ["a@pcp.org.pe", " A@PCP.org.pe ", "", "b@pcp.org.pe"]);

        Assert.Equal(("Partido Comunista del Perú", null, "P.C.P.", "PE"),
            (record.Name, record.NameEnglish, record.Acronym, record.Country));
        Assert.Equal("https://pcp.org.pe/", record.Website);
        Assert.Equal("pcp.org.pe", record.WebDomain);
        Assert.Equal(["a@pcp.org.pe", "b@pcp.org.pe"], record.ContactEmails);
        Assert.Equal(("drafter", Now), (record.CreatedBy, record.CreatedAt));
        Assert.Equal(NameKey.Of("Partido Comunista del Peru"), record.NameKey);
        Assert.Equal("pcp", record.AcronymKey);
        Assert.Equal(NameKey.Version, record.KeysVersion);
        Assert.False(record.IsMerged);
    }

    [Fact]
    public void A_record_keeps_at_most_ten_contact_addresses()
    {
        var record = Organisation.Register(Details(), Now, contactEmails: Enumerable.Range(1, 15).Select(n => $"m{n}@example.org"));
        Assert.Equal(Organisation.MaxContactEmails, record.ContactEmails.Count);
        Assert.Equal("m1@example.org", record.ContactEmails[0]);
    }

    [Theory]
    [InlineData("Partido Comunista del Peru", null)] // without the accent
    [InlineData("PARTIDO COMUNISTA DEL PERÚ", null)]
    [InlineData("Someone Else", "The Communist Party of Peru")] // the English name, with a leading "The"
    [InlineData("Раrtido Comunista del Perú", null)] // Cyrillic Р and а: only looks alike
    public void The_same_name_in_another_spelling_or_look_in_the_same_country_matches_by_name(string name, string? english)
    {
        Assert.Equal([MatchReason.Name], Record().Matches(Details(name, english)));
    }

    [Fact]
    public void A_name_in_another_script_matches_its_transliteration()
    {
        var record = Record("Российская маоистская партия", null, null, "RU", null);
        Assert.Equal([MatchReason.Name], record.Matches(Details("Rossiyskaya Maoistskaya Partiya", country: "ru")));
    }

    [Fact]
    public void The_same_name_in_another_country_is_another_organisation()
    {
        Assert.Empty(Record().Matches(Details("Partido Comunista del Perú", country: "BO")));
    }

    [Fact]
    public void Without_a_country_on_either_side_the_name_alone_matches()
    {
        Assert.Equal([MatchReason.Name], Record(country: null).Matches(Details("Partido Comunista del Perú", country: null)));
    }

    [Theory]
    [InlineData("P.C.P.", "PE")]
    [InlineData("pcp", "pe")]
    [InlineData("РСР", "PE")] // Cyrillic capitals that look like PCP
    public void The_same_acronym_in_the_same_country_matches(string acronym, string country)
    {
        Assert.Equal([MatchReason.AcronymAndCountry], Record().Matches(Details(acronym: acronym, country: country)));
    }

    [Fact]
    public void An_acronym_matches_only_with_a_country_and_only_in_the_same_one()
    {
        Assert.Empty(Record().Matches(Details(acronym: "PCP", country: "BO")));
        Assert.Empty(Record(country: null).Matches(Details(acronym: "PCP", country: null)));
    }

    [Theory]
    [InlineData("pcp.org.pe")]
    [InlineData("http://PCP.org.pe/contacto")]
    [InlineData("https://www.pcp.org.pe")]
    public void The_same_web_domain_matches_whatever_the_address_and_in_any_country(string website)
    {
        Assert.Equal([MatchReason.Website], Record().Matches(Details(country: "BO", website: website)));
    }

    [Fact]
    public void Another_domain_even_a_sub_domain_does_not_match()
    {
        Assert.Empty(Record().Matches(Details(website: "https://lima.pcp.org.pe")));
        Assert.Empty(Record().Matches(Details(website: "https://pcp.org")));
    }

    [Fact]
    public void Every_reason_that_holds_is_given()
    {
        var reasons = Record().Matches(Details("Partido Comunista del Peru", acronym: "PCP", website: "pcp.org.pe"));
        Assert.Equal([MatchReason.Name, MatchReason.AcronymAndCountry, MatchReason.Website], reasons);
    }

    [Fact]
    public void Unrelated_details_do_not_match()
    {
        Assert.Empty(Record().Matches(Details("Partido Socialista del Perú", "Socialist Party of Peru", "PSP", "PE", "psp.org.pe")));
    }

    [Fact]
    public void The_directory_query_looks_at_live_records_sharing_a_name_key_an_acronym_in_the_country_or_a_domain()
    {
        var record = Record();
        Assert.True(MatchKeys.Of(Details("Partido Comunista del Peru")).Admits(record));
        Assert.True(MatchKeys.Of(Details(acronym: "P.C.P.")).Admits(record));
        Assert.True(MatchKeys.Of(Details(website: "pcp.org.pe")).Admits(record));
        Assert.False(MatchKeys.Of(Details(acronym: "PCP", country: null)).Admits(record));
        Assert.False(MatchKeys.Of(Details("Partido Socialista")).Admits(record));

        Record().Absorb(record, [], 0, 0, "drafter", Now); // now merged into another record
        Assert.False(MatchKeys.Of(Details("Partido Comunista del Peru")).Admits(record));
    }
}
