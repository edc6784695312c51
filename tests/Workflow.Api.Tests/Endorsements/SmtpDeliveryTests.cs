using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Infrastructure.Email;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Endorsements;

/// <summary>Invitations sent over SMTP (MailKit) to a real SMTP server listening on this machine.</summary>
public sealed class SmtpDeliveryTests
{
    private static WorkflowApiFactory OverSmtp(SmtpTestServer smtp)
        => WorkflowApiFactory.With(settings: smtp.Settings(TimeSpan.FromSeconds(5), new Dictionary<string, string?>
    {
        ["Messaging:RetryIntervalsMs:0"] = "500",
        ["Messaging:RetryIntervalsMs:1"] = "1000",
        ["Messaging:RetryIntervalsMs:2"] = "2000",
        ["Messaging:RetryIntervalsMs:3"] = "4000",
        ["Messaging:RetryIntervalsMs:4"] = "8000",
    }));

    /// <summary>A drafter's statement, opened for signature: a draft's invitations are held, not sent.</summary>
    private static async Task<(HttpClient Drafter, Workflow.Core.Statements.StatementDetails Statement)> OpenStatementAsync(
        WorkflowApiFactory factory, string title)
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: title);
        await drafter.OpenAsync(statement.Id);
        return (drafter, statement);
    }

    [Fact]
    public async Task An_invitation_goes_over_smtp_and_a_refused_mailbox_shows_on_the_invitation_without_retrying()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Start();
        using var factory = OverSmtp(smtp);
        var (drafter, statement) = await OpenStatementAsync(factory, "Over SMTP");
        var id = statement.Id;

        var good = await drafter.InviteAsync(id, "Partido Comunista de Chile", null, "PCCh", "CL", "pcch@example.org");
        var bad = await drafter.InviteAsync(id, "Partido Inexistente", null, null, "CL", "bounce@example.org");

        // The drafter's own confirmation went over SMTP too; the test is about the invitations.
        List<MimeKit.MimeMessage> Invitations()
            => smtp.Received.Where(m => m.To.Mailboxes.All(a => !a.Address.StartsWith("drafter-", StringComparison.Ordinal))).ToList();
        var delivered = await Eventually.ReturnsAsync(() => Task.FromResult(Invitations()), r => r.Count == 1,
            "the SMTP server receives the invitation");
        Assert.Equal("pcch@example.org", delivered[0].To.Mailboxes.Single().Address);
        Assert.Contains($"/sign/{good.Token}", delivered[0].TextBody);
        var statuses = await Eventually.ReturnsAsync(async () => await (await drafter.GetAsync($"/api/statements/{id}/invitations"))
            .JsonArrayAsync(),
            list => list.Any(i => i.Str("status") == "Sent") && list.Any(i => i.Str("status") == "DeliveryFailed"),
            "one invitation is sent and the other failed");
        var failed = statuses.Single(i => i.Str("id") == bad.InvitationId.ToString())!;
        Assert.Contains("550", failed.Str("deliveryError"));
        Assert.Single(Invitations()); // nothing was sent to the refused mailbox, and the good one once
    }

    [Fact]
    public async Task When_the_mail_server_is_down_the_invitation_shows_the_failure_and_a_retry_delivers_it_once_it_is_back()
    {
        await using var smtp = new SmtpTestServer(); // not listening yet
        using var factory = OverSmtp(smtp);
        var (drafter, statement) = await OpenStatementAsync(factory, "Server down");
        var id = statement.Id;
        var invitation = await drafter.InviteAsync(id, "Partido Comunista del Uruguay", null, "PCU", "UY", "pcu@example.org");

        var failed = await Eventually.ReturnsAsync(
            async () => await (await drafter.GetAsync($"/api/statements/{id}/invitations/{invitation.InvitationId}")).JsonAsync(),
            i => i.Str("status") == "DeliveryFailed", "the failed attempt shows on the invitation");
        Assert.False(string.IsNullOrEmpty(failed.Str("deliveryError")));

        smtp.Start();

        await Eventually.ReturnsAsync(
            async () => await (await drafter.GetAsync($"/api/statements/{id}/invitations/{invitation.InvitationId}")).JsonAsync(),
            i => i.Str("status") == "Sent" && i["deliveryError"] is null, "a retry delivers it and clears the failure", timeoutSeconds: 30);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task Sign_on_confirmations_go_over_smtp_and_a_refused_address_neither_is_retried_nor_sends_the_others_again()
    {
        await using var smtp = new SmtpTestServer();
        smtp.Start();
        using var factory = OverSmtp(smtp);
        var (drafter, statement) = await OpenStatementAsync(factory, "Open over SMTP");
        (await drafter.PutAsJsonAsync($"/api/statements/{statement.Id}/open-sign-on", new { enabled = true })).EnsureSuccessStatusCode();
        var form = $"/api/public/statements/{statement.Slug}/sign-on";
        var visitor = factory.CreateClient();
        var textHash = (await (await visitor.GetAsync(form)).JsonAsync())["version"].Str("textHash");

        // Sent together, so that the confirmations go out in one batch: a refused address among them must not fail the others.
        string[] addresses = ["bounce-1@example.org", "good-1@example.org", "good-2@example.org", "bounce-2@example.org",
            "good-3@example.org"];
        var answers = await Task.WhenAll(addresses.Select((email, i) => visitor.PostAsJsonAsync(form,
            new { organisation = new { name = $"Organisation {i + 1}" }, email, signerName = "Ana Mamani", textHash })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));

        // Every event handled, the refused ones included (nothing would deliver them); had a refusal failed its batch, the bus
        // would have retried it until it gave up, and the good ones would never be recorded as sent.
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(
            db => db.ProcessedMessages.CountAsync(p => p.Consumer == SignOnEmailConsumer.Name)),
            handled => handled == addresses.Length, "every confirmation is handled", timeoutSeconds: 60);
        var confirmations = smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address.StartsWith("good-", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(["good-1@example.org", "good-2@example.org", "good-3@example.org"],
            confirmations.Select(m => m.To.Mailboxes.Single().Address).Order().ToArray()); // each once: nothing was sent again
    }
}
