using Workflow.Core.Common;
using Workflow.Core.Endorsements;
using Workflow.Core.Organisations;
using Workflow.Core.Statements;

namespace Workflow.Core.Tests.Organisations;

public sealed class OrganisationMergeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Organisation Survivor(string? country = "NL") =>
        Organisation.Register(new OrganisationDetails("Rode Morgen", "Red Dawn", "RM", country, "https://rodemorgen.nl"), Now, "drafter",
            ["info@rodemorgen.nl"]);

    private static Organisation Twin(string? country = "NL", string name = "Stichting Rode Morgen") =>
        Organisation.Register(new OrganisationDetails(name, "Red Dawn Foundation", "SRM", country, "https://rode-morgen.org"),
            Now.AddDays(1), "other",
            ["secretariaat@rode-morgen.org"]);

    [Fact]
    public void A_record_cannot_be_merged_into_itself()
    {
        var record = Survivor();
        var refused = Assert.Throws<DomainRuleException>(() => record.Absorb(record, [], 0, 0, "drafter", Now));
        Assert.Equal("duplicateId", refused.Field);
        Assert.False(record.IsMerged);
        Assert.Empty(record.PendingEvents);
    }

    [Fact]
    public void Records_in_two_countries_cannot_be_merged()
    {
        var survivor = Survivor("NL");
        var twin = Twin("BE");
        var refused = Assert.Throws<DomainRuleException>(() => survivor.Absorb(twin, [], 0, 0, "drafter", Now));
        Assert.Equal("duplicateId", refused.Field);
        Assert.Contains("NL", refused.Message);
        Assert.Contains("BE", refused.Message);
        Assert.False(twin.IsMerged);
        Assert.Empty(survivor.FormerNameKeys);
    }

    [Theory]
    [InlineData("NL", null)]
    [InlineData(null, "NL")]
    [InlineData(null, null)]
    public void A_record_without_a_country_may_be_merged_with_one_in_any_country(string? survivorCountry, string? twinCountry)
    {
        var survivor = Survivor(survivorCountry);
        var twin = Twin(twinCountry);
        survivor.EnsureMayAbsorb(twin);
        survivor.Absorb(twin, [], 0, 0, "drafter", Now);
        Assert.Equal(survivor.Id, twin.MergedIntoId);
    }

    [Fact]
    public void A_record_already_merged_can_neither_be_merged_again_nor_take_in_another()
    {
        var survivor = Survivor();
        var twin = Twin();
        survivor.Absorb(twin, [], 0, 0, "drafter", Now);

        Assert.Throws<ConflictException>(() => Survivor().Absorb(twin, [], 0, 0, "drafter", Now.AddDays(1)));
        Assert.Throws<ConflictException>(() => twin.Absorb(Twin(name: "Rode Morgen Amsterdam"), [], 0, 0, "drafter", Now.AddDays(1)));
        Assert.Equal((survivor.Id, Now), (twin.MergedIntoId, twin.MergedAt));
    }

    [Fact]
    public void Merging_points_the_twin_at_the_survivor_and_records_who_merged_when()
    {
        var survivor = Survivor();
        var twin = Twin();
        var statements = new[] { Guid.NewGuid(), Guid.NewGuid() };
        survivor.Absorb(twin, statements, 3, 2, "merger", Now.AddDays(2));

        Assert.True(twin.IsMerged);
        Assert.Equal((survivor.Id, Now.AddDays(2), "merger"), (twin.MergedIntoId, twin.MergedAt, twin.MergedBy));
        Assert.False(survivor.IsMerged);
        var merged = Assert.IsType<OrganisationEvents.Merged>(Assert.Single(survivor.PendingEvents));
        Assert.Equal((survivor.Id, twin.Id, "Rode Morgen", "Stichting Rode Morgen", 3, 2, "merger"),
            (merged.SurvivorId, merged.DuplicateId, merged.SurvivorName, merged.DuplicateName, merged.SignaturesMoved,
                merged.InvitationsMoved, merged.MergedBy));
        Assert.Equal(statements, merged.StatementIds);
    }

    [Fact]
    public void The_survivor_keeps_its_own_details_and_takes_only_the_twins_spellings()
    {
        var survivor = Survivor();
        var twin = Twin();
        survivor.Absorb(twin, [], 0, 0, "drafter", Now);

        Assert.Equal(("Rode Morgen", "Red Dawn", "RM", "NL"), (survivor.Name, survivor.NameEnglish, survivor.Acronym, survivor.Country));
        Assert.Equal(("https://rodemorgen.nl/", "rodemorgen.nl"), (survivor.Website, survivor.WebDomain));
        Assert.Equal(["info@rodemorgen.nl"], survivor.ContactEmails);
        Assert.Equal("rm", survivor.AcronymKey);
        Assert.Contains(twin.NameKey, survivor.FormerNameKeys);
        Assert.Contains(twin.NameEnglishKey, survivor.FormerNameKeys);
    }

    [Fact]
    public void After_a_merge_the_twins_names_find_the_survivor_but_not_its_acronym_or_website()
    {
        var survivor = Survivor();
        var twin = Twin();
        Assert.Empty(survivor.Matches(new OrganisationDetails("Stichting Rode Morgen", null, null, "NL")));
        survivor.Absorb(twin, [], 0, 0, "drafter", Now);

        Assert.True(survivor.HasName("Stichting Rode Morgen"));
        Assert.True(survivor.HasName(null, "red dawn foundation"));
        Assert.Equal([MatchReason.Name], survivor.Matches(new OrganisationDetails("Stichting Rode Morgen", null, null, "NL")));
        Assert.True(MatchKeys.Of(new OrganisationDetails("Stichting Rode Morgen", null, null, "NL")).Admits(survivor));
        Assert.False(survivor.HasAcronym("SRM"));
        Assert.Empty(survivor.Matches(new OrganisationDetails("Unknown", null, "SRM", "NL", "rode-morgen.org")));
    }

    [Fact]
    public void Spellings_the_survivor_already_has_are_not_kept_twice()
    {
        var survivor = Survivor();
        var twin = Twin(name: "RODE MORGEN"); // the same name key as the survivor's
        survivor.Absorb(twin, [], 0, 0, "drafter", Now);

        Assert.DoesNotContain(survivor.NameKey, survivor.FormerNameKeys);
        Assert.DoesNotContain(survivor.NameSkeleton, survivor.FormerNameKeys);
        Assert.Equal(survivor.FormerNameKeys.Distinct(), survivor.FormerNameKeys);
        Assert.Contains(twin.NameEnglishKey, survivor.FormerNameKeys);
    }

    [Fact]
    public void A_twin_passes_on_the_spellings_of_the_records_merged_into_it_before()
    {
        var first = Organisation.Register(new OrganisationDetails("Morgenrood", null, null, "NL"), Now);
        var twin = Twin();
        twin.Absorb(first, [], 0, 0, "drafter", Now);
        var survivor = Survivor();
        survivor.Absorb(twin, [], 0, 0, "drafter", Now.AddDays(1));

        Assert.True(survivor.HasName("Morgenrood"));
        Assert.True(survivor.HasName("Stichting Rode Morgen"));
        Assert.Equal(twin.Id, first.MergedIntoId); // the first stays pointing at the twin; the directory follows the chain
    }

    [Fact]
    public void Moving_a_signature_to_the_survivor_changes_its_record_but_not_the_names_the_list_shows()
    {
        var (statement, version) = Statement.Draft("s", "T", "B", "en", true, "owner", Now);
        statement.OpenForSignature(version, [], "owner", Now);
        var twin = Twin();
        var signature = statement.Sign(twin, new OrganisationDetails("Stichting Rode Morgen", "Red Dawn Foundation", "SRM", "NL"),
            version, "Ana", null, null,
            Now, null, new SignatureOrigin(SignatureProvenance.RecordedByDrafters), Now);
        var invitation = statement.RequestEndorsement(twin, new OrganisationDetails("Stichting Rode Morgen", null, null, null),
            "a@example.org", "en",
            InvitationToken.Hash("x"), false, "owner", null, Now);
        var survivor = Survivor();

        signature.MoveToOrganisation(survivor.Id);
        invitation.MoveToOrganisation(survivor.Id);

        Assert.Equal(survivor.Id, signature.OrganisationId);
        Assert.Equal(("Stichting Rode Morgen", "Red Dawn Foundation", "SRM", "NL"),
            (signature.DisplayName, signature.DisplayNameEnglish, signature.DisplayAcronym, signature.DisplayCountry));
        Assert.Equal(1, signature.Number);
        Assert.Equal(survivor.Id, invitation.OrganisationId);
        Assert.Equal("Stichting Rode Morgen", invitation.InvitedName);
    }
}
