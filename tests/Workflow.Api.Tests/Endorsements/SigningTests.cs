using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Workflow.Core.Endorsements;

namespace Workflow.Api.Tests.Endorsements;

public sealed class SigningTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private async Task<(HttpClient Drafter, Guid StatementId)> OpenStatementAsync(bool allowsFurtherSignatories = true)
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(allowsFurtherSignatories: allowsFurtherSignatories)).Id;
        await drafter.OpenAsync(id);
        return (drafter, id);
    }

    [Fact]
    public async Task An_invitation_gives_a_link_once_and_stores_only_the_tokens_hash()
    {
        var (drafter, id) = await OpenStatementAsync();
        var invitation = await drafter.InviteAsync(id);
        var token = invitation.Token!;

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token); // 256 random bits
        Assert.Equal($"http://workflow.test/sign/{token}", invitation.SigningLink);

        var stored = await factory.InDatabaseAsync(db => db.Invitations.AsNoTracking().SingleAsync(r => r.Id == invitation.InvitationId));
        Assert.NotEqual(token, stored.TokenHash);
        Assert.Equal(Workflow.Core.Endorsements.InvitationToken.Hash(token), stored.TokenHash);
        var outboxHoldsToken = await factory.InDatabaseAsync(db => db.OutboxMessages.AnyAsync(m => m.Payload.Contains(token)));
        Assert.False(outboxHoldsToken, "The outbox must not hold the token in clear.");

        var listed = await (await drafter.GetAsync($"/api/statements/{id}/invitations")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(token, listed);
    }

    [Fact]
    public async Task The_invited_organisation_sees_the_exact_text_its_version_and_hash()
    {
        var (drafter, id) = await OpenStatementAsync();
        var statement = await drafter.StatementAsync(id);
        var token = (await drafter.InviteAsync(id)).Token!;

        var view = await factory.CreateClient().InvitationAsync(token);

        Assert.Equal(statement.LatestVersion.Body, view.Version.Body);
        Assert.Equal(statement.LatestVersion.TextHash, view.Version.TextHash);
        Assert.Equal(1, view.Version.Number);
        Assert.Equal("Partido Comunista Peruano", view.Organisation.Name);
        Assert.True(view.CanSign);
    }

    [Fact]
    public async Task Signing_records_a_receipt_bound_to_the_version_and_hash()
    {
        var (drafter, id) = await OpenStatementAsync();
        var hash = (await drafter.StatementAsync(id)).LatestVersion.TextHash;
        var token = (await drafter.InviteAsync(id)).Token!;

        var response = await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{token}/sign",
            new { signerName = "María Quispe", signerRole = "Secretaria general", textHash = hash });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.ReceiptAsync();
        Assert.Equal(1, receipt.Number);
        Assert.Equal("Initial", receipt.Phase);
        Assert.Equal(hash, receipt.TextHash);
        Assert.Equal(1, receipt.VersionNumber);
        Assert.Equal("María Quispe", receipt.SignerName);
    }

    [Fact]
    public async Task Signing_twice_with_one_invitation_returns_the_same_receipt_and_records_one_signature()
    {
        var (drafter, id) = await OpenStatementAsync();
        var token = (await drafter.InviteAsync(id)).Token!;
        var anonymous = factory.CreateClient();

        var first = await anonymous.SignAsync(token);
        var second = await anonymous.SignAsync(token, signerName: "Someone else");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.JsonAsync()).ToJsonString(), (await second.JsonAsync()).ToJsonString());
        var count = await factory.InDatabaseAsync(db => db.Signatures.CountAsync(s => s.StatementId == id));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task The_same_invitation_signed_concurrently_is_recorded_once()
    {
        var (drafter, id) = await OpenStatementAsync();
        var token = (await drafter.InviteAsync(id)).Token!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => factory.CreateClient().SignAsync(token)));

        foreach (var r in responses)
            Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK,
                $"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var receipts = await Task.WhenAll(responses.Select(r => r.ReceiptAsync()));
        Assert.Single(receipts.Select(r => r.SignatureId).Distinct());
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Signatures.CountAsync(s => s.StatementId == id)));
    }

    [Fact]
    public async Task Signing_a_text_other_than_the_one_shown_is_refused_with_409()
    {
        var (drafter, id) = await OpenStatementAsync();
        var token = (await drafter.InviteAsync(id)).Token!;

        var response = await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{token}/sign",
            new { signerName = "A", textHash = new string('0', 64) });

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Signing_a_draft_is_refused_with_409_and_records_nothing()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync()).Id;
        var invitation = await drafter.InviteAsync(id);
        Assert.Null(invitation.Token); // a draft's invitation is held: there is no link yet
        // A link e-mailed on a draft before invitations were held still leads to the draft, which it cannot sign.
        var token = Workflow.Core.Endorsements.InvitationToken.New();
        var hash = Workflow.Core.Endorsements.InvitationToken.Hash(token);
        var invitationId = invitation.InvitationId;
        await factory.InDatabaseAsync(db => db.Invitations.Where(r => r.Id == invitationId)
            .ExecuteUpdateAsync(x => x.SetProperty(r => r.TokenHash, hash)));

        var view = await factory.CreateClient().InvitationAsync(token);
        Assert.False(view.CanSign);
        await (await factory.CreateClient().SignAsync(token)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.Signatures.CountAsync(s => s.StatementId == id)));
    }

    [Fact]
    public async Task Signing_a_closed_statement_is_refused_with_409()
    {
        var (drafter, id) = await OpenStatementAsync();
        var token = (await drafter.InviteAsync(id)).Token!;
        await drafter.PublishAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await drafter.PostEmptyAsync($"/api/statements/{id}/close")).StatusCode);

        await (await factory.CreateClient().SignAsync(token)).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_published_statement_without_further_signatories_refuses_late_signatures()
    {
        var (drafter, id) = await OpenStatementAsync(allowsFurtherSignatories: false);
        var token = (await drafter.InviteAsync(id)).Token!;
        await drafter.PublishAsync(id);

        await (await factory.CreateClient().SignAsync(token)).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Late party" }, email = "late@example.org" })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("short")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    public async Task An_unknown_token_is_404_and_says_nothing_about_statements(string token)
    {
        var anonymous = factory.CreateClient();
        var view = await (await anonymous.GetAsync($"/api/invitations/{token}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var sign = await (await anonymous.SignAsync(token)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No invitation was found.", view["detail"]!.GetValue<string>());
        Assert.Equal(view["detail"]!.ToJsonString(), sign["detail"]!.ToJsonString());
    }

    [Fact]
    public async Task A_revoked_invitation_is_404_like_an_unknown_one()
    {
        var (drafter, id) = await OpenStatementAsync();
        var invitation = await drafter.InviteAsync(id);
        var revoke = await drafter.PostEmptyAsync($"/api/statements/{id}/invitations/{invitation.InvitationId}/revoke");
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);

        var anonymous = factory.CreateClient();
        var problem = await (await anonymous.GetAsync($"/api/invitations/{invitation.Token}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("No invitation was found.", problem["detail"]!.GetValue<string>());
        await (await anonymous.SignAsync(invitation.Token!)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Declining_records_the_reason_and_the_drafters_see_it()
    {
        var (drafter, id) = await OpenStatementAsync();
        var invitation = await drafter.InviteAsync(id);

        var declined = await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{invitation.Token}/decline",
            new { reason = "Our congress has not discussed it." });

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var listed = await drafter.AnswerAsync<InvitationSummary>($"/api/statements/{id}/invitations/{invitation.InvitationId}");
        Assert.Equal("Declined", listed.Status);
        Assert.Equal("Our congress has not discussed it.", listed.DeclineReason);
    }

    [Fact]
    public async Task An_organisation_cannot_be_invited_twice_while_an_invitation_is_pending()
    {
        var (drafter, id) = await OpenStatementAsync();
        await drafter.InviteAsync(id);
        var again = await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Partido Comunista Peruano", country = "PE" }, email = "other@example.org" });
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("email", "{\"organisation\":{\"name\":\"X\"},\"email\":\"not-an-address\"}")]
    [InlineData("organisation.name", "{\"organisation\":{\"name\":\"\"},\"email\":\"a@example.org\"}")]
    [InlineData("organisation.country", "{\"organisation\":{\"name\":\"X\",\"country\":\"Peru\"},\"email\":\"a@example.org\"}")]
    [InlineData("organisation", "{\"email\":\"a@example.org\"}")]
    public async Task A_bad_invitation_is_refused_with_400_naming_the_field(string field, string json)
    {
        var (drafter, id) = await OpenStatementAsync();
        var response = await drafter.PostAsync($"/api/statements/{id}/invitations",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task A_sign_request_without_a_signer_name_is_refused_with_400()
    {
        var (drafter, id) = await OpenStatementAsync();
        var token = (await drafter.InviteAsync(id)).Token!;
        await (await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{token}/sign", new { signerName = "" }))
            .AssertFieldErrorAsync("signerName");
    }

    /// <summary>Invites organisations "{prefix} 1" … "{prefix} {count}" (acronyms {prefix}1 …, Peru) and returns their links' tokens in
    /// order.</summary>
    private static async Task<List<string>> InviteManyAsync(HttpClient drafter, Guid id, int count, string prefix)
    {
        var tokens = new List<string>();
        for (var i = 1; i <= count; i++)
            tokens.Add((await drafter.InviteAsync(id, name: $"{prefix} {i}", nameEnglish: null, acronym: $"{prefix}{i}", country: "PE",
                email: $"{prefix.ToLowerInvariant()}{i}@example.org")).Token!);
        return tokens;
    }

    [Fact]
    public async Task Fifty_concurrent_signatures_are_all_recorded_and_numbered_1_to_50_without_gap_or_duplicate()
    {
        var (drafter, id) = await OpenStatementAsync();
        var tokens = await InviteManyAsync(drafter, id, 50, "O");

        var responses = await Task.WhenAll(tokens.Select(t => factory.CreateClient().SignAsync(t)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == id)
            .Select(s => s.Number).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 50), numbers.Order());
        var receipts = await Task.WhenAll(responses.Select(r => r.ReceiptAsync()));
        Assert.Equal(Enumerable.Range(1, 50), receipts.Select(r => r.Number).Order());
    }

    [Fact]
    public async Task Signings_arriving_together_are_each_decided_alone_a_refusal_holding_back_none_of_the_others()
    {
        var (drafter, id) = await OpenStatementAsync();
        var tokens = await InviteManyAsync(drafter, id, 30, "B");
        // Twenty signed as shown, five against a text that is not the one open for signature, and five links signed twice at once.
        var good = tokens[..20];
        var wrongText = tokens[20..25];
        var twice = tokens[25..];

        var answers = await Task.WhenAll(
            good.Concat(twice).Concat(twice).Select(t => factory.CreateClient().SignAsync(t))
                .Concat(wrongText.Select(t => factory.CreateClient().PostAsJsonAsync($"/api/invitations/{t}/sign",
                    new { signerName = "A", textHash = new string('0', 64) }))));

        var byToken = good.Concat(twice).Concat(twice).Concat(wrongText).Zip(answers).ToLookup(p => p.First, p => p.Second.StatusCode);
        Assert.All(good, t => Assert.Equal([HttpStatusCode.Created], byToken[t]));
        Assert.All(wrongText, t => Assert.Equal([HttpStatusCode.Conflict], byToken[t]));
        Assert.All(twice, t => Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], byToken[t].Order()));
        var recorded = await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.StatementId == id)
            .Select(s => new { s.Number, s.InvitationId }).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 25), recorded.Select(s => s.Number).Order());
        Assert.Equal(25, recorded.Select(s => s.InvitationId).Distinct().Count());

        await drafter.PublishAsync(id);
        var slug = (await drafter.StatementAsync(id)).Slug;
        var verify = await (await factory.CreateClient().GetAsync($"/api/public/statements/{slug}/verify")).JsonAsync();
        Assert.True(verify["holds"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(27, verify["logSize"]!.GetValue<int>()); // the text opened, 25 signatures, the publication
    }

    [Theory]
    [InlineData("Российская маоистская партия", "Russian Maoist Party", "RMP", "RU")]
    [InlineData("الحزب الشيوعي السوداني", "Sudanese Communist Party", null, "SD")]
    [InlineData("Parti Patriotique Démocratique Socialiste", null, "PPDS", "TN")]
    [InlineData("Türkiye Komünist Partisi – Marksist-Leninist", null, "TKP-ML", "TR")]
    [InlineData("<script>alert('x')</script> & Co", "<img src=x onerror=alert(1)>", "<b>", "GB")]
    public async Task Organisation_names_in_any_script_are_kept_exactly_and_never_become_markup(string name, string? english,
        string? acronym, string country)
    {
        var (drafter, id) = await OpenStatementAsync();
        var token = (await drafter.InviteAsync(id, name, english, acronym, country)).Token!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(token)).StatusCode);
        await drafter.PublishAsync(id);
        var slug = (await drafter.StatementAsync(id)).Slug;

        var list = await factory.CreateClient().SignatoriesAsync(slug);
        var signatory = list.Signatories[0];
        Assert.Equal(name, signatory.Name);
        Assert.Equal(english, signatory.NameEnglish);
        Assert.Equal(acronym, signatory.Acronym);

        var text = await factory.CreateClient().GetAsync($"/statements/{slug}/signatories.txt");
        Assert.Equal("text/plain", text.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", text.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains(name, await text.Content.ReadAsStringAsync());
    }
}
