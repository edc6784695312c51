using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Endorsements;

/// <summary>The e-mails an invited organisation receives, read where the service wrote them, in its own language.</summary>
public sealed class InvitationEmailTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    private async Task<MimeMessage> MailAsync(string to, string subjectStart) =>
        (await Eventually.ReturnsAsync(
            async () => (await factory.MailsAsync()).Where(m => m.To.Mailboxes.Any(a => a.Address == to) && (m.Subject ?? "")
                .StartsWith(subjectStart, StringComparison.Ordinal)).ToList(),
            found => found.Count > 0, $"an e-mail \"{subjectStart}…\" reaches {to}")).OrderBy(m => m.Date).Last();

    /// <summary>Each line of the body that holds a link: it must be the link alone, so no surrounding (right-to-left) text can run into
    /// it.</summary>
    private static void AssertLinksStandAlone(MimeMessage mail)
    {
        var lines = (mail.TextBody ?? "").Split('\n').Where(l => l.Contains("http", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Matches(@"^http://workflow\.test/[a-z-]+/[A-Za-z0-9_-]{43}$", l));
    }

    [Fact]
    public async Task A_French_invitation_names_who_invites_and_carries_the_message_the_deadline_and_the_French_title_as_does_a_new_link()
    {
        var drafterEmail = $"coordination-{Guid.NewGuid():N}@example.org";
        var drafter = await factory.SignedInClientAsync(drafterEmail);
        var id = (await drafter.CreateStatementAsync(title: "Solidarity with the people of Peru")).Id;
        await drafter.OpenAsync(id);
        Assert.True((await drafter.PutAsJsonAsync($"/api/statements/{id}/translations/fr",
            new { title = "Solidarité avec le peuple du Pérou", body = "Nous saluons les mobilisations.",
                translatesVersion = 1 })).IsSuccessStatusCode);
        var deadline = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(40).AddHours(18), TimeSpan.Zero);
        (await drafter.PutAsJsonAsync($"/api/statements/{id}/deadline", new { deadline })).EnsureSuccessStatusCode();

        var invited = await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations", new
        {
            organisation = new { name = "Parti communiste du Québec" }, email = "pcq@example.org", language = "fr",
            personalMessage = "Chers camarades,\r\nnous comptons sur votre signature.",
        });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);

        var mail = await MailAsync("pcq@example.org", "Invitation à signer : ");
        Assert.Equal("Invitation à signer : Solidarité avec le peuple du Pérou", mail.Subject);
        var body = mail.TextBody;
        Assert.Contains("À l’attention de Parti communiste du Québec,", body);
        Assert.Contains($"{drafterEmail} invite votre organisation à signer la déclaration « Solidarité avec le peuple du Pérou ».", body);
        Assert.Contains($"Message de {drafterEmail} :\nChers camarades,\nnous comptons sur votre signature.", body);
        Assert.Contains($"Les signatures se clôturent le {deadline.ToString("d MMMM yyyy", French)} à 18:00 (UTC).", body);
        Assert.Contains("Ce lien est propre à votre organisation.", body);
        AssertLinksStandAlone(mail);

        var resent = await drafter.PostAsJsonAsync(
            $"/api/statements/{id}/invitations/{(await invited.JsonAsync()).Str("invitationId")}/resend", new { });
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var again = await MailAsync("pcq@example.org", "Invitation à signer (nouveau lien)");
        Assert.Contains("nous comptons sur votre signature.", again.TextBody);
        Assert.Contains($"{drafterEmail} vous envoie un nouveau lien", again.TextBody);
        Assert.Contains(deadline.ToString("d MMMM yyyy", French), again.TextBody);
    }

    [Fact]
    public async Task An_Arabic_invitation_and_the_receipt_after_signing_keep_links_and_addresses_on_lines_of_their_own()
    {
        var drafterEmail = $"arab-desk-{Guid.NewGuid():N}@example.org";
        var drafter = await factory.SignedInClientAsync(drafterEmail);
        var statement = await drafter.CreateStatementAsync(title: "Solidarity with Palestine");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations", new
        {
            organisation = new { name = "الحزب الشيوعي" }, email = "hizb@example.org", language = "ar", personalMessage = "نرجو توقيعكم.",
        })).StatusCode);

        var invitation = await MailAsync("hizb@example.org", "دعوة إلى التوقيع");
        Assert.Contains("Solidarity with Palestine", invitation.Subject); // no Arabic translation: the original title
        Assert.Contains($"يدعو {drafterEmail} منظمتكم", invitation.TextBody);
        Assert.Contains("\nنرجو توقيعكم.\n", invitation.TextBody);
        AssertLinksStandAlone(invitation);

        var link = await factory.LinkFromMailAsync("hizb@example.org", "/sign");
        var token = link["/sign/".Length..];
        var signed = await factory.CreateClient().SignAsync(token, "Ahmad");
        Assert.Equal(HttpStatusCode.Created, signed.StatusCode);
        var receipt = (await signed.JsonAsync());

        var mail = await MailAsync("hizb@example.org", "توقيعكم: ");
        Assert.Equal("توقيعكم: Solidarity with Palestine", mail.Subject);
        var lines = (mail.TextBody ?? "").Split('\n');
        Assert.Contains($"رقم التوقيع: {receipt["number"]}", lines);
        Assert.Contains("النسخة: 1", lines);
        Assert.Contains(receipt.Str("textHash"), lines); // the hash alone on its line
        Assert.Contains($"http://workflow.test/sign/{token}", lines); // the link it signed through, which shows the receipt
        AssertLinksStandAlone(mail);
        Assert.Equal(receipt["number"]!.GetValue<int>(),
            (await (await factory.CreateClient().GetAsync($"/api/invitations/{token}"))
                .JsonAsync())["receipt"]!["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_personal_message_is_plain_text_of_limited_length()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Messages")).Id;
        object Invite(string message) => new { organisation = new { name = $"Org {Guid.NewGuid():N}" }, email = "m@example.org",
            personalMessage = message };

        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations", Invite("Hello\u0007")))
            .AssertFieldErrorAsync("personalMessage");
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations", Invite("Sign \u202Eereh")))
            .AssertFieldErrorAsync("personalMessage");
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations", Invite(new string('a', 1001))))
            .AssertFieldErrorAsync("personalMessage");
        var bulk = new HttpRequestMessage(HttpMethod.Post,
            $"/api/statements/{id}/invitations/bulk?personalMessage={Uri.EscapeDataString("Hi\u0007")}")
        {
            Content = new StringContent("name,email\nBulk Org,b@example.org\n", System.Text.Encoding.UTF8, "text/csv"),
        };
        await (await drafter.SendAsync(bulk)).AssertFieldErrorAsync("personalMessage");
        Assert.Equal(HttpStatusCode.Created,
            (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations", Invite("Line one\r\nLine two"))).StatusCode);
    }
}

/// <summary>An open sign-on, once the drafters decide, is told so: approved with its receipt, or rejected with the reason.</summary>
public sealed class SignOnDecisionEmailTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task An_approved_sign_on_is_told_so_in_its_language_with_its_receipt_and_a_link_that_opens_it()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Open to all {Guid.NewGuid():N}");
        var (id, slug) = (statement.Id, statement.Slug);
        await drafter.OpenAsync(id);
        Assert.Equal(HttpStatusCode.OK,
            (await drafter.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = true })).StatusCode);

        var visitor = factory.CreateClient();
        var hash = (await (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"].Str("textHash");
        var submitted = await (await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on", new
        {
            organisation = new { name = "Parti du travail" }, email = "pt@example.org", signerName = "Anne Martin",
                textHash = hash, language = "fr",
        })).JsonAsync();
        var confirmation = await factory.ApiLinkFromMailAsync("pt@example.org", "/sign-on", "/api/public/sign-ons");
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync($"{confirmation}/confirm", null)).StatusCode);
        var approved = await (await drafter.PostAsJsonAsync($"/api/statements/{id}/sign-ons/{submitted.Str("id")}/approve", new { }))
            .JsonAsync();

        var mail = (await Eventually.ReturnsAsync(
            async () => (await factory.MailsAsync()).Where(m => m.To.Mailboxes.Any(a => a.Address == "pt@example.org") && (m.Subject ?? "")
                .StartsWith("Signature acceptée", StringComparison.Ordinal)).ToList(),
            found => found.Count == 1, "the signer is told of the approval, in French")).Single();
        Assert.Contains($"ont approuvé la signature de votre organisation : elle porte le numéro {approved["number"]} de la liste.",
            mail.TextBody);
        var lines = (mail.TextBody ?? "").Split('\n');
        Assert.Contains(hash, lines);
        Assert.Contains("Version : 1", lines);
        var link = await factory.ApiLinkFromMailAsync("pt@example.org", "/sign-on", "/api/public/sign-ons", "Signature acceptée");
        var status = await (await visitor.GetAsync(link)).JsonAsync();
        await (await visitor.GetAsync(confirmation)).AssertProblemAsync(HttpStatusCode.NotFound); // replaced, as the e-mail says
        Assert.Equal("Approved", status.Str("state"));
        Assert.Equal(approved["number"]!.GetValue<int>(), status["receipt"]!["number"]!.GetValue<int>());
    }
}

/// <summary>"Send a reminder to everyone still pending", on a clock the test moves.</summary>
public sealed class RemindPendingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_reminder_goes_to_each_pending_e_mailed_invitation_with_a_new_link_and_not_again_within_three_days()
    {
        var clock = new TestClock(T0);
        await using var factory = WorkflowApiFactory.With(clock: clock);
        var drafterEmail = $"reminder-{Guid.NewGuid():N}@example.org";
        var drafter = await factory.SignedInClientAsync(drafterEmail);
        // The sign-in's token ages with the clock: after moving it, the drafter signs in again.
        async Task<HttpClient> SignInAgainAsync() => drafter = await factory.SignedInClientAsync(drafterEmail, register: false);
        var id = (await drafter.CreateStatementAsync(title: "Reminded")).Id;
        await drafter.OpenAsync(id);
        foreach (var n in new[] { 1, 2, 3 })
            Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
                new { organisation = new { name = $"Pending party {n}" }, email = $"pending{n}@example.org",
                    personalMessage = $"Dear friends of party {n}" })).StatusCode);
        var firstLinks = new List<string>();
        foreach (var n in new[] { 1, 2, 3 }) firstLinks.Add(await factory.LinkFromMailAsync($"pending{n}@example.org", "/sign"));
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(firstLinks[2]["/sign/".Length..])).StatusCode);
        await Eventually.ReturnsAsync(async () => await (await drafter.GetAsync($"/api/statements/{id}/campaign")).JsonAsync(),
            c => c["counts"]!["Sent"]!.GetValue<int>() == 2, "the invitations were delivered");

        // Just sent: nobody is reminded yet.
        Assert.Equal(0, (await (await drafter.GetAsync($"/api/statements/{id}/campaign")).JsonAsync())["remindable"]!.GetValue<int>());
        var early = await (await drafter.PostEmptyAsync($"/api/statements/{id}/invitations/remind-pending")).JsonAsync();
        Assert.Equal(0, early["reminded"]!.GetValue<int>());

        clock.Set(T0.AddDays(4));
        await SignInAgainAsync();
        Assert.Equal(2, (await (await drafter.GetAsync($"/api/statements/{id}/campaign")).JsonAsync())["remindable"]!.GetValue<int>());
        var reminded = await drafter.PostEmptyAsync($"/api/statements/{id}/invitations/remind-pending");
        Assert.Equal(HttpStatusCode.OK, reminded.StatusCode);
        Assert.Equal(2, (await reminded.JsonAsync())["reminded"]!.GetValue<int>());

        foreach (var n in new[] { 1, 2 })
        {
            var link = await factory.LinkFromMailAsync($"pending{n}@example.org", "/sign", "Reminder: invitation to sign \"Reminded\"");
            Assert.NotEqual(firstLinks[n - 1], link);
            await (await factory.CreateClient().GetAsync($"/api/invitations/{firstLinks[n - 1]["/sign/".Length..]}"))
                .AssertProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.OK,
                (await factory.CreateClient().GetAsync($"/api/invitations/{link["/sign/".Length..]}")).StatusCode);
            var mail = (await factory.MailsAsync()).Single(m => m.To.Mailboxes.Any(a => a.Address == $"pending{n}@example.org")
                && m.Subject!.StartsWith("Reminder", StringComparison.Ordinal));
            Assert.Contains($"Dear friends of party {n}", mail.TextBody);
            Assert.Contains(" reminds you of the invitation to sign the statement \"Reminded\".", mail.TextBody);
        }
        Assert.DoesNotContain(await factory.MailsAsync(), m => m.To.Mailboxes.Any(a => a.Address == "pending3@example.org")
            && m.Subject!.StartsWith("Reminder", StringComparison.Ordinal));

        // Not twice within three days.
        clock.Set(T0.AddDays(6));
        await SignInAgainAsync();
        var again = await (await drafter.PostEmptyAsync($"/api/statements/{id}/invitations/remind-pending")).JsonAsync();
        Assert.Equal(0, again["reminded"]!.GetValue<int>());
        Assert.Equal(2, again["skipped"]!.GetValue<int>());
    }
}
