using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workflow.Api.Tests.Drafting;
using Workflow.Api.Tests.Support;
using Workflow.Infrastructure.Email;

namespace Workflow.Api.Tests.Notifications;

/// <summary>
/// The drafters' notifications through the whole service: each event at once, the daily summary and the deadline warnings
/// of the daily run (driven by a test clock), who gets them and who never does.
/// </summary>
public sealed class DrafterNotificationTests
{
    /// <summary>A Monday, two hours after the daily run.</summary>
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> Settings => new()
    {
        ["Notifications:PollInterval"] = "00:00:00.100",
        ["Notifications:DigestHourUtc"] = "7",
        ["Reminders:Enabled"] = "false",
    };

    /// <summary>The service with these settings, on <paramref name="clock"/> or else on a clock of its own set to
    /// <see cref="T0"/>.</summary>
    private static WorkflowApiFactory Service(TestClock? clock = null)
        => WorkflowApiFactory.With(settings: Settings, clock: clock ?? new TestClock(T0));

    /// <summary>A new account, signed in, to own the statements of a test; and its address.</summary>
    private static async Task<(string Email, HttpClient Client)> SignedInOwnerAsync(WorkflowApiFactory factory)
    {
        var email = $"owner-{Guid.NewGuid():N}@example.org";
        return (email, await factory.SignedInClientAsync(email));
    }

    private static DateTimeOffset RunOn(int day) => new(2026, 3, day, 7, 0, 1, TimeSpan.Zero);

    private static async Task<List<MimeMessage>> MailsToAsync(WorkflowApiFactory factory, string email, string subjectStart) =>
        (await factory.MailsAsync()).Where(m => m.To.Mailboxes.Any(a => a.Address == email) && (m.Subject ?? "")
            .StartsWith(subjectStart, StringComparison.Ordinal))
            .OrderBy(m => m.Date).ToList();

    private static Task<List<MimeMessage>> WaitForMailsAsync(WorkflowApiFactory factory, string email, string subjectStart, int count) =>
        Eventually.ReturnsAsync(() => MailsToAsync(factory, email, subjectStart), m => m.Count >= count,
            $"{count} e-mail(s) \"{subjectStart}…\" reach {email}");

    private static Task<string> EmailOfAsync(WorkflowApiFactory factory, string userId) =>
        factory.InDatabaseAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync());

    /// <summary>Moves the clock to the daily run of that day in March and waits until the run has done all it had to.</summary>
    private static async Task PassDayAsync(WorkflowApiFactory factory, TestClock clock, int day)
    {
        clock.Set(RunOn(day));
        var key = DrafterNotificationMail.KeyFor($"drafter-daily-run/2026-03-{day:00}");
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(db => db.ProcessedMessages.AnyAsync(p => p.MessageId == key
            && p.Consumer == "drafter-daily-run")),
            done => done, $"the daily run of March {day} completed");
    }

    /// <summary>What reached this member other than account e-mails and the invitation to co-draft.</summary>
    private static async Task<List<MimeMessage>> NotificationsToAsync(WorkflowApiFactory factory, string email) =>
        (await factory.MailsAsync()).WithoutAccountMails().Where(m => m.To.Mailboxes.Any(a => a.Address == email) && !(m.TextBody ?? "")
            .Contains("/join/")).ToList();

    [Fact]
    public async Task Owners_and_editors_are_told_at_once_when_an_organisation_signs_declines_or_awaits_approval_and_a_viewer_never()
    {
        await using var factory = Service();
        var (ownerEmail, owner) = await SignedInOwnerAsync(factory);
        var statement = await owner.CreateStatementAsync(title: "Solidarity with the dockers");
        var id = statement.Id;
        var editorEmail = await EmailOfAsync(factory, (await CoDrafting.AddMemberAsync(factory, owner, id, "Editor")).UserId);
        var viewerEmail = await EmailOfAsync(factory, (await CoDrafting.AddMemberAsync(factory, owner, id, "Viewer")).UserId);
        var commenterEmail = await EmailOfAsync(factory, (await CoDrafting.AddMemberAsync(factory, owner, id, "Commenter")).UserId);
        await owner.OpenAsync(id);

        var signer = await owner.InviteAsync(id, "Frente <b>Amplio</b> de Trabajadores", null, "FAT", "UY", "fat@example.org");
        var decliner = await owner.InviteAsync(id, "Union of Dockers", null, "UD", "GB", "ud@example.org");
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(signer.Token!)).StatusCode);
        (await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{decliner.Token}/decline",
            new { reason = "Not this time.\nBcc: everyone@example.org" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK,
            (await owner.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = true })).StatusCode);
        var visitor = factory.CreateClient();
        var hash =
            (await (await visitor.GetAsync($"/api/public/statements/{statement.Slug}/sign-on")).JsonAsync())["version"].Str("textHash");
        Assert.Equal(HttpStatusCode.Accepted, (await visitor.PostAsJsonAsync($"/api/public/statements/{statement.Slug}/sign-on",
            new { organisation = new { name = "Partido de los Trabajadores", country = "UY" }, email = "pt@example.org", signerName = "Ana",
                textHash = hash })).StatusCode);
        var link = await factory.ApiLinkFromMailAsync("pt@example.org", "/sign-on", "/api/public/sign-ons");
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync($"{link}/confirm", null)).StatusCode);

        foreach (var drafter in new[] { ownerEmail, editorEmail })
        {
            var signed = Assert.Single(await WaitForMailsAsync(factory, drafter, "New signature: Solidarity with the dockers", 1));
            Assert.Null(signed.HtmlBody);
            Assert.Contains("\nFrente <b>Amplio</b> de Trabajadores\n", signed.TextBody!.ReplaceLineEndings("\n"));
            Assert.Contains($"http://workflow.test/drafts/{id}/campaign", signed.TextBody);
            Assert.Contains("http://workflow.test/account", signed.TextBody);

            var declined = Assert.Single(await WaitForMailsAsync(factory, drafter, "Invitation declined: Solidarity with the dockers", 1));
            Assert.Contains("\nUnion of Dockers\n", declined.TextBody!.ReplaceLineEndings("\n"));
            Assert.Contains("Not this time.", declined.TextBody);
            // The reason is the body's, never a header.
            Assert.Empty(declined.Bcc);
            Assert.Single(declined.To.Mailboxes);

            var waiting = Assert.Single(await WaitForMailsAsync(factory, drafter,
                "Sign-on awaiting your approval: Solidarity with the dockers", 1));
            Assert.Contains("\nPartido de los Trabajadores\n", waiting.TextBody!.ReplaceLineEndings("\n"));
        }
        // The owners' and editors' e-mails of each event are written together: the others would be there by now.
        foreach (var member in new[] { viewerEmail, commenterEmail })
            Assert.Empty(await NotificationsToAsync(factory, member));
    }

    [Fact]
    public async Task The_daily_summary_holds_a_days_events_in_one_e_mail_in_the_chosen_language_and_an_empty_day_sends_nothing()
    {
        var clock = new TestClock(T0);
        await using var factory = Service(clock);
        var (ownerEmail, owner) = await SignedInOwnerAsync(factory);
        var id = (await owner.CreateStatementAsync(title: "Solidaridad con los portuarios")).Id;
        await owner.OpenAsync(id);

        // Each event, by default: the first signature is e-mailed at once.
        var first = await owner.InviteAsync(id, "Primera Organización", null, "PO", "PE", "po@example.org");
        await factory.CreateClient().SignAsync(first.Token!);
        await WaitForMailsAsync(factory, ownerEmail, "New signature:", 1);

        var chosen = await (await owner.PutAsJsonAsync("/api/account/notifications", new { delivery = "DailyDigest", language = "es" }))
            .JsonAsync();
        Assert.Equal("DailyDigest", chosen.Str("delivery"));
        Assert.Equal("es", (await (await owner.GetAsync("/api/account/notifications")).JsonAsync()).Str("language"));

        var second = await owner.InviteAsync(id, "Segunda Organización", null, "SO", "PE", "so@example.org");
        var third = await owner.InviteAsync(id, "Tercera Organización", null, "TO", "PE", "to@example.org");
        clock.Set(T0.AddHours(1));
        await factory.CreateClient().SignAsync(second.Token!);
        clock.Set(T0.AddHours(2));
        await factory.CreateClient().PostAsJsonAsync($"/api/invitations/{third.Token}/decline",
            new { reason = "No firmamos declaraciones conjuntas." });
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(db => db.PendingDigestItems.CountAsync()), n => n == 2,
            "both events wait for the summary");
        Assert.Single(await MailsToAsync(factory, ownerEmail, "New signature:"));
        Assert.Empty(await MailsToAsync(factory, ownerEmail, "Invitation declined:"));

        await PassDayAsync(factory, clock, 3);
        var digest = Assert.Single(await WaitForMailsAsync(factory, ownerEmail, "Resumen diario de sus declaraciones", 1));
        Assert.Equal("Resumen diario de sus declaraciones: 3 marzo 2026", digest.Subject);
        var body = digest.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Lo ocurrido en sus declaraciones desde el último resumen:", body);
        Assert.Contains("\nSolidaridad con los portuarios\n  Ha firmado: Segunda Organización\n  Ha rechazado: Tercera Organización\n" +
            "    Motivo: No firmamos declaraciones conjuntas.\n", body);
        Assert.DoesNotContain("Primera Organización", body);
        Assert.Contains("http://workflow.test/account", body);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.PendingDigestItems.CountAsync()));

        // A day with nothing sends nothing.
        await PassDayAsync(factory, clock, 4);
        Assert.Single(await MailsToAsync(factory, ownerEmail, "Resumen diario"));

        // No notifications at all: nothing is sent or kept. (Days later, the bearer token has expired: sign in again.)
        owner = await factory.SignedInClientAsync(ownerEmail, register: false);
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync("/api/account/notifications", new { delivery = "None" })).StatusCode);
        var fourth = await owner.InviteAsync(id, "Cuarta Organización", null, "CO", "PE", "co@example.org");
        await factory.CreateClient().SignAsync(fourth.Token!);
        await Eventually.ReturnsAsync(() => factory.InDatabaseAsync(
            db => db.ProcessedMessages.CountAsync(p => p.Consumer == "drafter-notifications")),
            n => n >= 4, "the consumer handled the last signature");
        await PassDayAsync(factory, clock, 6);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.PendingDigestItems.CountAsync()));
        Assert.Single(await MailsToAsync(factory, ownerEmail, "Resumen diario"));
        Assert.Single(await MailsToAsync(factory, ownerEmail, "New signature:"));
    }

    [Fact]
    public async Task Drafters_are_warned_three_days_and_one_day_before_a_deadline_while_invitations_are_open_and_not_after_all_answered()
    {
        var clock = new TestClock(T0);
        await using var factory = Service(clock);
        var (ownerEmail, owner) = await SignedInOwnerAsync(factory);
        var deadline = new DateTimeOffset(2026, 3, 6, 6, 0, 0, TimeSpan.Zero);

        var open = (await owner.CreateStatementAsync(title: "Open invitations")).Id;
        var viewerEmail = await EmailOfAsync(factory, (await CoDrafting.AddMemberAsync(factory, owner, open, "Viewer")).UserId);
        var removedId = (await CoDrafting.AddMemberAsync(factory, owner, open, "Editor")).UserId;
        var removedEmail = await EmailOfAsync(factory, removedId);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/statements/{open}/members/{removedId}")).StatusCode);
        await owner.OpenAsync(open);
        (await owner.PutAsJsonAsync($"/api/statements/{open}/deadline", new { deadline })).EnsureSuccessStatusCode();
        var answered = await owner.InviteAsync(open, "Answered Organisation", null, "AO", "PE", "ao@example.org");
        await owner.InviteAsync(open, "Silent <Organisation>", null, "SO", "PE", "so@example.org");
        await factory.CreateClient().SignAsync(answered.Token!);

        var done = (await owner.CreateStatementAsync(title: "All answered")).Id;
        await owner.OpenAsync(done);
        (await owner.PutAsJsonAsync($"/api/statements/{done}/deadline", new { deadline })).EnsureSuccessStatusCode();
        var only = await owner.InviteAsync(done, "Only Organisation", null, "OO", "PE", "oo@example.org");
        await factory.CreateClient().SignAsync(only.Token!);

        // March 3rd, 07:00: the deadline (March 6th, 06:00) is less than three days ahead.
        await PassDayAsync(factory, clock, 3);
        var warning = Assert.Single(await WaitForMailsAsync(factory, ownerEmail, "Signature deadline approaching:", 1));
        Assert.Equal("Signature deadline approaching: Open invitations", warning.Subject);
        var body = warning.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("The signature deadline of the statement \"Open invitations\" is 6 March 2026, 06:00 UTC.", body);
        Assert.Contains("\nSilent <Organisation>\n", body);
        Assert.DoesNotContain("Answered Organisation", body);

        // March 4th: between the warnings, nothing; March 5th: a day before.
        await PassDayAsync(factory, clock, 4);
        Assert.Single(await MailsToAsync(factory, ownerEmail, "Signature deadline approaching:"));
        await PassDayAsync(factory, clock, 5);
        Assert.Equal(2, (await WaitForMailsAsync(factory, ownerEmail, "Signature deadline approaching:", 2)).Count);

        Assert.All(await MailsToAsync(factory, ownerEmail, "Signature deadline approaching:"),
            m => Assert.DoesNotContain("All answered", m.Subject));
        Assert.Empty(await NotificationsToAsync(factory, viewerEmail));
        Assert.Empty(await NotificationsToAsync(factory, removedEmail));
    }

    [Fact]
    public async Task A_new_account_is_told_of_each_event_in_the_language_it_registered_in()
    {
        await using var factory = Service();
        var email = $"francophone-{Guid.NewGuid():N}@example.org";
        var french = factory.CreateClient();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        (await french.PostAsJsonAsync("/api/auth/register", new { email, password = ApiClient.Password })).EnsureSuccessStatusCode();

        var settings = await (await (await factory.SignedInClientAsync(email, register: false)).GetAsync("/api/account/notifications"))
            .JsonAsync();
        Assert.Equal("EachEvent", settings.Str("delivery"));
        Assert.Equal("fr", settings.Str("language"));
    }

    [Fact]
    public async Task The_account_page_shows_the_settings_and_changes_them()
    {
        await using var factory = Service();
        var browser = PageBrowser.Open(factory);
        await browser.RegisterAsync();

        var page = await browser.GetHtmlAsync("/account");
        Assert.Contains("<input type=\"radio\" name=\"Delivery\" value=\"EachEvent\" checked=\"checked\"", page);
        Assert.Contains("<option value=\"en\" lang=\"en\" selected=\"selected\">", page);

        var saved = await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Delivery"] = "DailyDigest",
            ["EmailLanguage"] = "de" }, "Notifications");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await browser.GetHtmlAsync("/account");
        Assert.Contains("<input type=\"radio\" name=\"Delivery\" value=\"DailyDigest\" checked=\"checked\"", page);
        Assert.Contains("<option value=\"de\" lang=\"de\" selected=\"selected\">", page);

        var refused = await browser.SubmitAsync("/account", new Dictionary<string, string> { ["Delivery"] = "Hourly",
            ["EmailLanguage"] = "de" }, "Notifications");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Settings_the_api_cannot_take_are_refused_naming_the_field()
    {
        await using var factory = Service();
        var client = await factory.SignedInClientAsync();
        await (await client.PutAsJsonAsync("/api/account/notifications", new { delivery = "Hourly" })).AssertFieldErrorAsync("delivery");
        await (await client.PutAsJsonAsync("/api/account/notifications", new { delivery = "1" })).AssertFieldErrorAsync("delivery");
        await (await client.PutAsJsonAsync("/api/account/notifications", new { language = "es" })).AssertFieldErrorAsync("delivery");
        await (await client.PutAsJsonAsync("/api/account/notifications", new { delivery = "DailyDigest", language = "tlh" }))
            .AssertFieldErrorAsync("language");
        var unchanged = await (await client.GetAsync("/api/account/notifications")).JsonAsync();
        Assert.Equal("EachEvent", unchanged.Str("delivery"));
        Assert.Equal("en", unchanged.Str("language"));
    }
}
