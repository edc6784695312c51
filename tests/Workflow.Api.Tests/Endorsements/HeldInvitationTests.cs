using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Workflow.Core.Endorsements;
using Workflow.Api.Endorsements;
using Workflow.Contracts;

namespace Workflow.Api.Tests.Endorsements;

/// <summary>Invitations made while a statement is a draft are held, and e-mailed with a fresh link when it opens for signature.</summary>
public sealed class HeldInvitationTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static object Organisation(string name) => new { name, country = "PE" };

    [Fact]
    public async Task An_invitation_on_a_draft_is_held_unsent_and_e_mailed_with_a_fresh_link_when_the_statement_opens()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Held until it opens")).Id;
        var email = $"held-{Guid.NewGuid():N}@example.org";

        var created = await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = Organisation($"Frente Retenido {Guid.NewGuid():N}"), email }))
            .ReadAsAsync<InvitationLink>();
        Assert.True(created.Held);
        Assert.Null(created.Token);
        var invitationId = created.InvitationId;

        // The save's events went out (the held one), and no invitation e-mail among them.
        await Eventually.ReturnsAsync(() => Task.FromResult(factory.Bus.Published.Select<InvitationHeld>(
            m => m.Context.Message.EndorsementRequestId == invitationId).Any()),
            published => published, "the held invitation's event is published", timeoutSeconds: 60);
        Assert.False(factory.Bus.Published.Select<EndorsementRequested>(m => m.Context.Message.EndorsementRequestId == invitationId).Any());
        Assert.DoesNotContain(await factory.MailsAsync(), m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal("Held", (await drafter.AnswerAsync<InvitationSummary>($"/api/statements/{id}/invitations/{invitationId}")).Status);
        Assert.Equal(1, (await (await drafter.GetAsync($"/api/statements/{id}/campaign")).JsonAsync())["counts"]!["Held"]!.GetValue<int>());
        var problem = await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations/{invitationId}/resend", new { }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("held", problem.Str("detail"));
        var heldHash = await factory.InDatabaseAsync(db => db.Invitations.Where(r => r.Id == invitationId)
            .Select(r => r.TokenHash).SingleAsync());

        await drafter.OpenAsync(id);

        var link = await factory.ApiLinkFromMailAsync(email, "/sign", "/api/invitations");
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(link)).StatusCode);
        Assert.NotEqual(heldHash, await factory.InDatabaseAsync(db => db.Invitations.Where(r => r.Id == invitationId)
            .Select(r => r.TokenHash).SingleAsync()));
        await Eventually.ReturnsAsync(
            async () => (await drafter.AnswerAsync<InvitationSummary>($"/api/statements/{id}/invitations/{invitationId}")).Status,
            status => status is "Sent" or "Opened", "the held invitation is delivered once the statement opens");
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(link[(link.LastIndexOf('/') + 1)..])).StatusCode);
    }

    [Fact]
    public async Task A_link_to_hand_over_is_refused_on_a_draft_and_given_once_it_is_open()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "No link before it opens")).Id;
        var organisation = Organisation($"Frente de Mano {Guid.NewGuid():N}");

        var problem = await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation, email = "hand@example.org", handOverLink = true }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("handOverLink", problem.Str("detail"));
        Assert.Empty(await (await drafter.GetAsync($"/api/statements/{id}/invitations")).JsonArrayAsync());

        var held = await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation, email = "hand@example.org" }))
            .ReadAsAsync<InvitationLink>();
        await drafter.OpenAsync(id);
        var resent = await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations/{held.InvitationId}/resend",
            new { handOverLink = true }))
            .ReadAsAsync<InvitationLink>();
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/invitations/{resent.Token}")).StatusCode);
    }

    [Fact]
    public async Task The_campaign_page_shows_held_invitations_as_held()
    {
        var page = PageBrowser.Open(factory);
        var email = await page.RegisterAsync();
        var drafter = await factory.SignedInClientAsync(email, register: false);
        var id = (await drafter.CreateStatementAsync(title: "Held on the page")).Id;

        var invited = await page.SubmitAsync($"/drafts/{id}/campaign", new Dictionary<string, string>
        {
            ["Invite.Name"] = $"Frente de Página {Guid.NewGuid():N}", ["Invite.Email"] = "page-held@example.org",
                ["Invite.Language"] = "en",
        }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var html = WebUtility.HtmlDecode(await page.GetHtmlAsync($"/drafts/{id}/campaign"));
        Assert.Contains("Invitation to page-held@example.org held: it is e-mailed when the statement opens for signature.", html);
        Assert.Contains("id=\"held-note\"", html);
        Assert.Contains("data-status=\"Held\"", html);
        Assert.DoesNotContain("Send a new link", html);
    }
}
