using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Endorsements;

/// <summary>
/// An invited organisation may correct how its name is shown (<c>nameAs</c>), but not into another organisation's name: a small
/// group once signed under a well-known party's name and acronym, which then stood twice on the list (issue "Proof that holds
/// against everyone", 3). Every correction is kept beside the invited name for the drafters, and in the audit log.
/// </summary>
public sealed class NameCorrectionTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private sealed record Invited(HttpClient Drafter, Guid StatementId, string Token);

    /// <summary>A well-known party that signed one statement, and a small group of the same country invited to another.</summary>
    private async Task<Invited> SmallGroupInvitedBesideAKnownPartyAsync()
    {
        var other = await factory.SignedInClientAsync();
        var earlier = (await other.CreateStatementAsync(title: "An earlier statement")).Id;
        await other.OpenAsync(earlier);
        var party = (await other.InviteAsync(earlier, "Kommounistiko Komma Elladas", "Communist Party of Greece", "KKE", "GR",
            "kke@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(party)).StatusCode);

        var drafter = await factory.SignedInClientAsync();
        var statement = (await drafter.CreateStatementAsync(title: "Names are not up for grabs")).Id;
        await drafter.OpenAsync(statement);
        var token = (await drafter.InviteAsync(statement, "Small Group", null, "SG", "GR", "small@example.org")).Token!;
        return new Invited(drafter, statement, token);
    }

    private Task<HttpResponseMessage> SignAsAsync(string token, string name, string? nameEnglish, string? acronym) =>
        factory.CreateClient().PostAsJsonAsync($"/api/invitations/{token}/sign",
            new { signerName = "Nikos P.", signerRole = "Secretary", nameAs = new { name, nameEnglish, acronym } });

    [Theory]
    [InlineData("Communist Party of Greece", null, "KKE")] // the party's English name and acronym
    [InlineData("Kommounistiko Komma Elladas", null, null)] // its own name
    [InlineData("Small Group", null, "KKE")] // its acronym, in the same country
    [InlineData("Communist Party of Greeсe", null, "ΚΚΕ")] // a Cyrillic с, Greek capitals
    public async Task A_signatory_cannot_sign_under_the_name_or_acronym_of_another_organisation_of_the_directory(string name,
        string? nameEnglish, string? acronym)
    {
        var c = await SmallGroupInvitedBesideAKnownPartyAsync();

        var problem = await (await SignAsAsync(c.Token, name, nameEnglish, acronym)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("nameAs", problem.Str("field"));
        Assert.Contains("another organisation in the directory", problem.Str("detail"));
        Assert.Contains("contact the drafters", problem.Str("detail"));
        Assert.Empty(await (await c.Drafter.GetAsync($"/api/statements/{c.StatementId}/signatures")).JsonArrayAsync());
        var invitation = await factory.CreateClient().InvitationAsync(c.Token);
        Assert.NotEqual("Signed", invitation.Status);
        Assert.True(invitation.CanSign);
    }

    [Fact]
    public async Task The_signing_page_refuses_another_organisations_name_on_the_form()
    {
        var c = await SmallGroupInvitedBesideAKnownPartyAsync();
        var hash = (await factory.CreateClient().InvitationAsync(c.Token)).Version.TextHash;

        var refused = await PageBrowser.Open(factory).SubmitAsync($"/sign/{c.Token}", new Dictionary<string, string>
        {
            ["Sign.OrganisationName"] = "Communist Party of Greece", ["Sign.OrganisationAcronym"] = "KKE",
            ["Sign.SignerName"] = "Nikos P.", ["Sign.TextHash"] = hash,
        }, "Sign");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("belongs to another organisation in the directory",
            System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Empty(await (await c.Drafter.GetAsync($"/api/statements/{c.StatementId}/signatures")).JsonArrayAsync());
    }

    [Fact]
    public async Task An_honest_correction_goes_through_and_the_drafters_see_it_beside_the_invited_name_and_in_the_audit_log()
    {
        var c = await SmallGroupInvitedBesideAKnownPartyAsync();

        var signed = await SignAsAsync(c.Token, "Small Group of Piraeus", "Small Group of Piraeus", "SGP");

        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var signature = Assert.Single(await c.Drafter.SignaturesAsync(c.StatementId));
        Assert.Equal("Small Group of Piraeus", signature.DisplayedName);
        Assert.Equal("SGP", signature.DisplayedAcronym);
        Assert.True(signature.NameCorrectedBySignatory);
        Assert.Equal("Small Group", signature.InvitedName);
        Assert.Equal("SG", signature.InvitedAcronym);

        var audit = await Eventually.ReturnsAsync(async () => await (await c.Drafter.GetAsync($"/api/statements/{c.StatementId}/audit"))
            .JsonArrayAsync(),
            a => a.Any(e => e.Str("eventType") == "SignatoryCorrectedOwnName"), "the audit log recorded the correction");
        var payload = JsonNode.Parse(audit.First(e => e.Str("eventType") == "SignatoryCorrectedOwnName").Str("payload"))!;
        Assert.Equal("Small Group", payload.Str("invitedName"));
        Assert.Equal("Small Group of Piraeus", payload.Str("name"));
    }

    [Fact]
    public async Task The_signing_form_sending_back_the_invited_name_records_no_correction()
    {
        var c = await SmallGroupInvitedBesideAKnownPartyAsync();
        var hash = (await factory.CreateClient().InvitationAsync(c.Token)).Version.TextHash;

        // The form is filled with the invited name; the signer changes nothing but stray blanks.
        var signed = await PageBrowser.Open(factory).SubmitAsync($"/sign/{c.Token}", new Dictionary<string, string>
        {
            ["Sign.OrganisationName"] = " Small Group ", ["Sign.OrganisationNameEnglish"] = "", ["Sign.OrganisationAcronym"] = "SG",
            ["Sign.SignerName"] = "Nikos P.", ["Sign.TextHash"] = hash,
        }, "Sign");

        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        var signature = Assert.Single(await c.Drafter.SignaturesAsync(c.StatementId));
        Assert.False(signature.NameCorrectedBySignatory);
        Assert.Equal("Small Group", signature.DisplayedName);
    }

    [Fact]
    public async Task Signing_as_invited_records_no_correction()
    {
        var c = await SmallGroupInvitedBesideAKnownPartyAsync();

        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(c.Token)).StatusCode);

        var signature = Assert.Single(await c.Drafter.SignaturesAsync(c.StatementId));
        Assert.False(signature.NameCorrectedBySignatory);
        Assert.Null(signature.InvitedName);
    }
}
