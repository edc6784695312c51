using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Endorsements;
using Workflow.Api.Tests.Support;
using Workflow.Core.Endorsements;
using Workflow.Contracts;

namespace Workflow.Api.Tests.Endorsements;

/// <summary>The coordinator's campaign: invitation states, resending, deadlines, expiry and reminders.</summary>
public sealed class CampaignTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static Task<CampaignView> CampaignAsync(HttpClient drafter, Guid id) =>
        drafter.AnswerAsync<CampaignView>($"/api/statements/{id}/campaign");

    private static string StatusOf(CampaignView campaign, Guid invitationId) =>
        campaign.Invitations.Single(i => i.Id == invitationId).Status;

    [Fact]
    public async Task The_dashboard_follows_each_invitation_from_created_to_sent_opened_signed_declined_and_revoked_with_counts()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Dashboard")).Id;
        await drafter.OpenAsync(id);
        var invitations = new List<InvitationLink>();
        foreach (var n in Enumerable.Range(1, 5))
            invitations.Add(await drafter.InviteAsync(id, $"Party {n}", null, $"P{n}", "PE", $"p{n}@example.org"));

        await Eventually.ReturnsAsync(() => CampaignAsync(drafter, id), c => c.Counts["Sent"] == 5, "every e-mail went out");
        await factory.CreateClient().GetAsync($"/api/invitations/{invitations[0].Token}");
        await factory.CreateClient().SignAsync(invitations[1].Token!);
        await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{invitations[2].Token}/decline", new { reason = "No." });
        await drafter.PostEmptyAsync($"/api/statements/{id}/invitations/{invitations[3].InvitationId}/revoke");

        var campaign = await CampaignAsync(drafter, id);
        Assert.Equal("Opened", StatusOf(campaign, invitations[0].InvitationId));
        Assert.Equal("Signed", StatusOf(campaign, invitations[1].InvitationId));
        Assert.Equal("Declined", StatusOf(campaign, invitations[2].InvitationId));
        Assert.Equal("Revoked", StatusOf(campaign, invitations[3].InvitationId));
        Assert.Equal("Sent", StatusOf(campaign, invitations[4].InvitationId));
        var counts = campaign.Counts;
        Assert.Equal(new Dictionary<string, int> { ["Held"] = 0, ["Created"] = 0, ["Sent"] = 1, ["DeliveryFailed"] = 0, ["Opened"] = 1,
            ["Signed"] = 1, ["Declined"] = 1, ["Expired"] = 0, ["Revoked"] = 1 },
            counts.ToDictionary(c => c.Key, c => c.Value));
        Assert.Equal(1, campaign.ActiveSignatures);
    }

    [Fact]
    public async Task Resending_gives_a_new_link_and_the_old_one_stops_working()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Resend")).Id;
        await drafter.OpenAsync(id);
        var first = await drafter.InviteAsync(id, "Lost mail party", null, "LMP", "PE", "lost@example.org");

        var resent = await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations/{first.InvitationId}/resend",
            new { handOverLink = true });

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var second = await resent.ReadAsAsync<InvitationLink>();
        Assert.NotEqual(first.Token!, second.Token!);
        await (await factory.CreateClient().GetAsync($"/api/invitations/{first.Token}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(second.Token!)).StatusCode);
        // The receipt carries the same link and may arrive before the new-link mail: wait for both, then count each kind.
        var withNewLink = await Eventually.ReturnsAsync(
            async () => (await factory.MailsAsync()).Where(m => (m.TextBody ?? "").Contains(second.Token!)).ToList(),
            mails => mails.Count >= 2, "the new link and the receipt were sent");
        Assert.Single(withNewLink, m => (m.Subject ?? "").StartsWith("Invitation to sign (new link):", StringComparison.Ordinal));
        Assert.Single(withNewLink, m => (m.Subject ?? "").StartsWith("Your signature:", StringComparison.Ordinal));
        Assert.Equal(2, withNewLink.Count);
        await (await drafter.PostEmptyAsync($"/api/statements/{id}/invitations/{first.InvitationId}/resend"))
            .AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Deadlines_must_lie_in_the_future_and_an_invitations_own_deadline_later_than_the_statements()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Deadlines")).Id;
        await drafter.OpenAsync(id);

        await (await drafter.PutAsJsonAsync($"/api/statements/{id}/deadline", new { deadline = DateTimeOffset.UtcNow.AddDays(-1) }))
            .AssertFieldErrorAsync("deadline");
        Assert.Equal(HttpStatusCode.OK, (await drafter.PutAsJsonAsync($"/api/statements/{id}/deadline",
            new { deadline = DateTimeOffset.UtcNow.AddDays(10) })).StatusCode);
        var early = await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Early" }, email = "e@example.org", deadline = DateTimeOffset.UtcNow.AddDays(5) });
        await early.AssertFieldErrorAsync("deadline");
        var later = await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Later" }, email = "l@example.org", deadline = DateTimeOffset.UtcNow.AddDays(20) });
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        var stranger = await factory.SignedInClientAsync();
        await (await stranger.PutAsJsonAsync($"/api/statements/{id}/deadline", new { deadline = DateTimeOffset.UtcNow.AddDays(3) }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"/api/statements/{id}/campaign")).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_failed_delivery_shows_on_the_invitation()
    {
        var blocked = Path.Combine(Path.GetTempPath(), "workflow-tests", $"{Guid.NewGuid():N}-not-a-directory");
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        await File.WriteAllTextAsync(blocked, "a file where the pickup folder should be");
        await using var broken = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["Email:PickupDirectory"] = blocked,
            ["Messaging:RetryIntervalsMs:0"] = "20",
        });
        var drafter = await broken.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Undeliverable")).Id;
        await drafter.OpenAsync(id);
        var invitation = await drafter.InviteAsync(id);

        var campaign = await Eventually.ReturnsAsync(() => CampaignAsync(drafter, id),
            c => StatusOf(c, invitation.InvitationId) == "DeliveryFailed", "the failure shows");
        Assert.False(string.IsNullOrEmpty(campaign.Invitations[0].DeliveryError));
    }
}

/// <summary>Reminders before a deadline and expiry at it, across a restart of the service.</summary>
public sealed class ReminderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Settings => new()
    {
        ["Reminders:PollInterval"] = "00:00:00.100",
        ["Reminders:Offsets:0"] = "7.00:00:00",
        ["Reminders:Offsets:1"] = "1.00:00:00",
        ["Reminders:MaxPerInvitation"] = "2",
    };

    private static Task<List<(Guid Invitation, int Reminders, string State)>> InvitationsAsync(WorkflowApiFactory factory,
        Guid statementId) =>
        factory.InDatabaseAsync(db => db.Invitations.Where(r => r.StatementId == statementId)
            .Select(r => new ValueTuple<Guid, int, string>(r.Id, r.RemindersSent, r.State.ToString())).ToListAsync());

    private static Task<List<string>> ReminderEventsAsync(WorkflowApiFactory factory) =>
        factory.InDatabaseAsync(db => db.OutboxMessages.Where(m => m.Type == typeof(EndorsementReminderDue).FullName)
            .Select(m => m.Payload).ToListAsync());

    [Fact]
    public async Task Reminders_go_out_at_their_offsets_survive_a_restart_are_never_sent_twice_and_invitations_expire_at_the_deadline()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        var clock = new TestClock(T0);
        Guid statementId;
        string[] tokens;
        await using (var first = WorkflowApiFactory.With(dataDirectory, settings: Settings, clock: clock))
        {
            var drafter = await first.SignedInClientAsync();
            var id = (await drafter.CreateStatementAsync(title: "Reminders")).Id;
            statementId = id;
            await drafter.OpenAsync(id);
            (await drafter.PutAsJsonAsync($"/api/statements/{id}/deadline", new { deadline = T0.AddDays(10) })).EnsureSuccessStatusCode();
            tokens = await Task.WhenAll(Enumerable.Range(1, 3).Select(async n =>
                (await drafter.InviteAsync(id, $"Party {n}", null, $"P{n}", "PE", $"p{n}@example.org")).Token!));

            await Task.Delay(400); // several passes: nothing is due yet
            var notDue = await InvitationsAsync(first, statementId);
            Assert.Equal(tokens.Length, notDue.Count);
            Assert.All(notDue, i => Assert.Equal(0, i.Reminders));

            clock.Set(T0.AddDays(3.5)); // past "7 days before"
            await Eventually.ReturnsAsync(() => InvitationsAsync(first, statementId), all => all.Count == tokens.Length
                && all.All(i => i.Reminders == 1), "the first reminders went out");
            await Task.Delay(400);
            Assert.Equal(3, (await ReminderEventsAsync(first)).Count);
        }

        // The service stops between the two reminders and comes back the day before the deadline.
        clock.Set(T0.AddDays(9.5));
        await using (var restarted = WorkflowApiFactory.With(dataDirectory, settings: Settings, clock: clock))
        {
            _ = restarted.Services;
            await Eventually.ReturnsAsync(() => InvitationsAsync(restarted, statementId), all => all.Count == tokens.Length
                && all.All(i => i.Reminders == 2), "the second reminders went out");
            await Task.Delay(400);
            var reminders = await ReminderEventsAsync(restarted);
            Assert.Equal(6, reminders.Count);
            Assert.Equal(6, reminders.Select(p => JsonNode.Parse(p)!).Select(p => $"{p.Str("endorsementRequestId")}/{p["reminderNumber"]}")
                .Distinct().Count());

            // Each reminder carries a new link; the first link no longer works.
            await (await restarted.CreateClient().GetAsync($"/api/invitations/{tokens[0]}")).AssertProblemAsync(HttpStatusCode.NotFound);
            var mails = await Eventually.ReturnsAsync(
                async () => (await restarted.MailsAsync()).Where(m => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal))
                    .ToList(),
                m => m.Count == 6, "six reminder e-mails were written");
            Assert.All(mails, m => Assert.Contains("11 March 2026", m.Subject));

            clock.Set(T0.AddDays(10).AddMinutes(1));
            await Eventually.ReturnsAsync(() => InvitationsAsync(restarted, statementId), all => all.Count == tokens.Length
                && all.All(i => i.State == "Expired"), "the invitations expired");
            Assert.Equal(6, (await ReminderEventsAsync(restarted)).Count);
        }
    }
}

public sealed class InvitationLanguageTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Each_organisation_is_written_to_in_its_language_with_every_value_kept_as_plain_text()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Solidaridad <b>con</b> el pueblo peruano")).Id;
        await drafter.OpenAsync(id);
        var es = await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Partido <script>alert(1)</script> Comunista" }, email = "pc@example.org", language = "es" });
        Assert.Equal(HttpStatusCode.Created, es.StatusCode);
        await drafter.InviteAsync(id, "Rode Morgen", "Red Dawn", "RM", "NL", "rm@example.org");
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Klingon Party" }, email = "k@example.org", language = "tlh" }))
                .AssertFieldErrorAsync("language");

        var mails = await Eventually.ReturnsAsync(
            async () => (await factory.MailsAsync()).Where(m => m.To.Mailboxes.Any(a => a.Address is "pc@example.org" or "rm@example.org"))
                .ToList(),
            m => m.Count == 2, "both invitations were written");
        var spanish = mails.Single(m => m.To.Mailboxes.Single().Address == "pc@example.org");
        Assert.Equal("Invitación a firmar: Solidaridad <b>con</b> el pueblo peruano", spanish.Subject);
        Assert.Contains("invita a su organización a firmar la declaración «Solidaridad <b>con</b> el pueblo peruano»", spanish.TextBody);
        Assert.Contains("Partido <script>alert(1)</script> Comunista", spanish.TextBody);
        Assert.Null(spanish.HtmlBody);
        var english = mails.Single(m => m.To.Mailboxes.Single().Address == "rm@example.org");
        Assert.StartsWith("Invitation to sign:", english.Subject);
    }
}
