using System.Net;
using System.Net.Http.Json;
using MassTransit.Testing;
using Workflow.Api.Tests.Support;
using Workflow.Contracts;

namespace Workflow.Api.Tests;

/// <summary>The path our users walk, from the first draft to further signatories after publication, in one test.</summary>
public sealed class MainPathTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public Task Draft_revise_open_invite_sign_decline_publish_sign_later_and_close() => WalkAsync(factory);

    /// <summary>The whole path on the given service (the SQL Server test walks it too).</summary>
    internal static async Task WalkAsync(WorkflowApiFactory factory)
    {
        var drafter = await factory.SignedInClientAsync();
        var anonymous = factory.CreateClient();

        // Draft and revise.
        var statement = await drafter.CreateStatementAsync(title: "Solidarity with the struggle of the Peruvian people",
            body: "We salute the great militant mobilizations.");
        var id = statement.Id;
        var slug = statement.Slug;
        var revised = await drafter.PutAsJsonAsync($"/api/statements/{id}/draft", new
        {
            title = "Solidarity with the struggle of the Peruvian people",
            body = "We salute the great militant mobilizations.\n\nAgainst fascism and anticommunism!",
            baseVersion = 1,
        });
        Assert.Equal(HttpStatusCode.Created, revised.StatusCode);
        var signedHash = (await revised.JsonAsync()).Str("textHash");

        // Open, invite three organisations (two now, one after publication).
        await drafter.OpenAsync(id);
        var ppds = await drafter.InviteAsync(id, "Parti Patriotique Démocratique Socialiste", "Patriotic Democratic Socialist Party",
            "PPDS", "TN", "ppds@example.org");
        var bkp = await drafter.InviteAsync(id, "Българска Комунистическа Партия", "Bulgarian Communist Party", "БКП",
            "BG", "bkp@example.org");

        // The first reads the text and signs it; the second declines.
        var view = await anonymous.InvitationAsync(ppds.Token!);
        Assert.Equal(signedHash, view.Version.TextHash);
        var receipt = await (await anonymous.PostAsJsonAsync($"/api/invitations/{ppds.Token}/sign",
            new { signerName = "Amel Ben Salah", signerRole = "Secrétaire générale", textHash = signedHash })).JsonAsync();
        Assert.Equal(1, receipt["number"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync($"/api/invitations/{bkp.Token}/decline",
            new { reason = "Not this time." })).StatusCode);

        // Publish; a further signatory arrives afterwards.
        await drafter.PublishAsync(id);
        var pml = await drafter.InviteAsync(id, "Partido Marxista Leninista del Perú", "Marxist-Leninist Party of Peru", "PML del Perú",
            "PE", "pml@example.org");
        var late = await (await anonymous.SignAsync(pml.Token!, "Jorge Huamán")).ReceiptAsync();
        Assert.Equal("Subsequent", late.Phase);
        Assert.Equal(2, late.Number);

        // The public sees both, in their sections, as JSON and as text.
        var published = await anonymous.PublishedStatementsAsync();
        Assert.Contains(published, s => s.Slug == slug && s.SignatoryCount == 2);
        var list = await anonymous.SignatoriesAsync(slug);
        Assert.Equal(["PPDS", "PML del Perú"], list.Signatories.Select(s => s.Acronym));
        var text = await anonymous.GetStringAsync($"/statements/{slug}/signatories.txt");
        Assert.Contains("1. PPDS Parti Patriotique Démocratique Socialiste (Patriotic Democratic Socialist Party), Tunisia", text);
        Assert.Contains(
            "Subsequent signatories:\n\n  2. PML del Perú Partido Marxista Leninista del Perú (Marxist-Leninist Party of Peru), Peru",
            text);
        Assert.DoesNotContain("Българска", text);

        // Closing ends further signatures.
        Assert.Equal(HttpStatusCode.OK, (await drafter.PostEmptyAsync($"/api/statements/{id}/close")).StatusCode);
        var tooLate = await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Too late" }, email = "late@example.org" });
        await tooLate.AssertProblemAsync(HttpStatusCode.Conflict);

        // Every state change reached the audit log, once and in order...
        string[] expected =
        [
            "StatementDrafted", "DraftRevised", "StatementOpenedForSignature", "EndorsementRequested", "EndorsementRequested",
            "SignatureRecorded", "EndorsementDeclined", "StatementPublished", "EndorsementRequested",
            "SignatureRecorded", "StatementClosed",
        ];
        string[] campaignEvents = ["InvitationOpened", "InvitationDelivered",
            "SignatureReceiptDue"]; // as the e-mails go out and links are opened, in any order
        var audit = await Eventually.ReturnsAsync(
            async () => await (await drafter.GetAsync($"/api/statements/{id}/audit")).JsonArrayAsync(),
            entries => entries.Count(e => !campaignEvents.Contains(e.Str("eventType"))) >= expected.Length
                && entries.Count(e => e.Str("eventType") == "InvitationDelivered") == 3,
            "the audit log has every event");
        Assert.Equal(expected, audit.Select(e => e.Str("eventType")).Where(t => !campaignEvents.Contains(t)));
        Assert.Single(audit, e => e.Str("eventType") == "InvitationOpened");

        // ...and went out on the bus from the outbox: the audit log is written with each change, the bus hears of it when the
        // dispatcher next runs, so wait for it (the harness's own waiting gives up once the bus has been idle for a while).
        var statementId = id;
        bool Published<T>(Func<T, bool> match) where T : class => factory.Bus.Published.Select<T>(m => match(m.Context.Message)).Any();
        await Eventually.ReturnsAsync(() => Task.FromResult(string.Join(", ", new (string Event, bool Seen)[]
            {
                (nameof(StatementDrafted), Published<StatementDrafted>(m => m.StatementId == statementId)),
                (nameof(DraftRevised), Published<DraftRevised>(m => m.StatementId == statementId)),
                (nameof(StatementOpenedForSignature), Published<StatementOpenedForSignature>(m => m.StatementId == statementId)),
                (nameof(EndorsementRequested), Published<EndorsementRequested>(m => m.StatementId == statementId)),
                ("SignatureRecorded (Subsequent)", Published<SignatureRecorded>(m => m.StatementId == statementId
                    && m.Phase == "Subsequent")),
                (nameof(EndorsementDeclined), Published<EndorsementDeclined>(m => m.StatementId == statementId)),
                (nameof(StatementPublished), Published<StatementPublished>(m => m.StatementId == statementId)),
                (nameof(StatementClosed), Published<StatementClosed>(m => m.StatementId == statementId)),
            }.Where(e => !e.Seen).Select(e => e.Event))),
            missing => missing.Length == 0, "every state change was published on the bus (the last value names those not yet seen)");

        // Each invited organisation got its link by e-mail (an .eml file in the pickup folder by default),
        // the drafter was told of each signature and of the decline (each event, a new account's default), and each signatory
        // received its receipt.
        var mails = await Eventually.ReturnsAsync(
            async () => (await factory.MailsAsync()).WithoutAccountMails(),
            messages => messages.Count == 8,
            "three invitations, three notices and two receipts were written (beside the drafter's confirmation)");
        Assert.Equal(2, mails.Count(m => (m.Subject ?? "").StartsWith("Your signature:", StringComparison.Ordinal)));
        Assert.Equal(2, mails.Count(m => (m.Subject ?? "").StartsWith("New signature:", StringComparison.Ordinal)));
        var toPpds = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == "ppds@example.org" && !(m.Subject ?? "")
            .StartsWith("Your signature:", StringComparison.Ordinal));
        Assert.Equal("Parti Patriotique Démocratique Socialiste", toPpds.To.Mailboxes.Single().Name);
        Assert.Contains($"http://workflow.test/sign/{ppds.Token}", toPpds.TextBody);
        Assert.Contains(mails, m => m.To.Mailboxes.Single().Address == "bkp@example.org" && (m.TextBody ?? "").Contains(bkp.Token!));
        var notice = Assert.Single(mails, m => (m.Subject ?? "").Contains("declined", StringComparison.Ordinal));
        Assert.Contains("Not this time.", notice.TextBody);

        // Each message's Message-Id is its event's (the name of its file), not one made up when it was written: a message sent
        // again after a crash, over SMTP too, is the same message to whoever receives it.
        foreach (var file in Directory.GetFiles(factory.MailPickupDirectory, "*.eml"))
            Assert.Equal($"{Path.GetFileNameWithoutExtension(file)}@workflow", MimeKit.MimeMessage.Load(file).MessageId);
    }
}
