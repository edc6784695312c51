using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Accounts;

/// <summary>Accounts through the API and the pages: confirmation, reset, answers that do not tell whether an account exists,
/// limits.</summary>
public sealed class AccountTests
{
    private const string NewPassword = "Another-horse-7";

    [Fact]
    public async Task The_confirmation_link_comes_in_the_visitors_language_and_confirms_the_address()
    {
        await using var factory = WorkflowApiFactory.With();
        var email = $"es-{Guid.NewGuid():N}@example.org";
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("es-PE,es;q=0.9");
        Assert.Equal(HttpStatusCode.OK,
            (await client.PostAsJsonAsync("/api/auth/register", new { email, password = ApiClient.Password })).StatusCode);

        var mail = Assert.Single(await factory.MailsAsync(), m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal("Confirme su dirección de correo electrónico", mail.Subject);
        Assert.Contains("http://workflow.test/account/confirm-email?userId=", mail.TextBody);

        var signedIn = await factory.SignedInClientAsync(email, register: false);
        Assert.False((await (await signedIn.GetAsync("/api/auth/manage/info")).JsonAsync())["isEmailConfirmed"]!.GetValue<bool>());
        await client.ConfirmAddressAsync(factory.MailPickupDirectory, email);
        Assert.True((await (await signedIn.GetAsync("/api/auth/manage/info")).JsonAsync())["isEmailConfirmed"]!.GetValue<bool>());

        // An English visitor gets English.
        var english = $"en-{Guid.NewGuid():N}@example.org";
        (await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = english, password = ApiClient.Password }))
            .EnsureSuccessStatusCode();
        Assert.Equal("Confirm your e-mail address", Assert.Single(await factory.MailsAsync(),
            m => m.To.Mailboxes.Any(a => a.Address == english)).Subject);
    }

    [Fact]
    public async Task A_wrong_confirmation_code_is_refused_naming_the_code()
    {
        await using var factory = WorkflowApiFactory.With();
        var email = $"wrong-{Guid.NewGuid():N}@example.org";
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = ApiClient.Password })).EnsureSuccessStatusCode();
        var query = await MailLinks.AccountLinkQueryAsync(factory.MailPickupDirectory, email, "/account/confirm-email");
        var userId = System.Web.HttpUtility.ParseQueryString(query)["userId"];
        await (await client.GetAsync($"/api/auth/confirmEmail?userId={userId}&code=bm90LWEtY29kZQ")).AssertFieldErrorAsync("code");
        await (await client.GetAsync("/api/auth/confirmEmail?userId=nobody&code=%25%25")).AssertFieldErrorAsync("code");
    }

    [Fact]
    public async Task An_unconfirmed_account_may_draft_but_the_service_emails_nobody_for_it()
    {
        await using var factory = WorkflowApiFactory.With();
        var email = $"fresh-{Guid.NewGuid():N}@example.org";
        var drafter = await factory.SignedInClientAsync(email, confirm: false);
        var id = (await drafter.CreateStatementAsync()).Id;

        var invite = await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Frente Amplio" }, email = "fa@example.org" });
        var problem = await invite.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Confirm your e-mail address first", problem.Str("detail"));
        (await (await drafter.PostAsync($"/api/statements/{id}/invitations/bulk",
            new StringContent("name,email\nFrente Amplio,fa@example.org\n", Encoding.UTF8, "text/csv")))
                .AssertProblemAsync(HttpStatusCode.Forbidden)).ToString();
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/members/invitations",
            new { email = "editor@example.org", role = "Editor" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.DoesNotContain(await factory.MailsAsync(),
            m => m.To.Mailboxes.Any(a => a.Address is "fa@example.org" or "editor@example.org"));

        // Once the address is confirmed, the same requests go through.
        await factory.CreateClient().ConfirmAddressAsync(factory.MailPickupDirectory, email);
        var invitation = await drafter.InviteAsync(id, email: "fa@example.org");
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync($"/api/statements/{id}/members/invitations",
            new { email = "editor@example.org", role = "Editor" })).StatusCode);

        // Resending is e-mailing too: an account whose address is not (or no longer) confirmed cannot.
        await factory.InDatabaseAsync(async db =>
        {
            var user = db.Users.Single(u => u.Email == email);
            user.EmailConfirmed = false;
            return await db.SaveChangesAsync();
        });
        await (await drafter.PostAsync($"/api/statements/{id}/invitations/{invitation.InvitationId}/resend", null))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Registering_a_taken_address_answers_exactly_as_a_new_one_and_tells_only_the_owner()
    {
        await using var factory = WorkflowApiFactory.With();
        var taken = $"owner-{Guid.NewGuid():N}@example.org";
        var client = factory.CreateClient();
        var first = await client.PostAsJsonAsync("/api/auth/register", new { email = taken, password = ApiClient.Password });
        var again = await client.PostAsJsonAsync("/api/auth/register", new { email = taken, password = NewPassword });
        var fresh = await client.PostAsJsonAsync("/api/auth/register", new { email = $"new-{Guid.NewGuid():N}@example.org",
            password = NewPassword });

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(fresh.StatusCode, again.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(fresh.Content.Headers.ContentType, again.Content.Headers.ContentType);
        var warning = Assert.Single(await factory.MailsAsync(), m => m.To.Mailboxes.Any(a => a.Address == taken)
            && m.Subject == "Someone tried to register with your address");
        Assert.Contains("http://workflow.test/account/forgot-password", warning.TextBody);
        // The owner's password is unchanged; the second password opens nothing.
        Assert.Equal(HttpStatusCode.OK,
            (await client.PostAsJsonAsync("/api/auth/login", new { email = taken, password = ApiClient.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await client.PostAsJsonAsync("/api/auth/login", new { email = taken, password = NewPassword })).StatusCode);

        // A weak password is refused alike for a taken and a new address, naming the field.
        await (await client.PostAsJsonAsync("/api/auth/register", new { email = taken, password = "weak" }))
            .AssertFieldErrorAsync("password");
        await (await client.PostAsJsonAsync("/api/auth/register", new { email = $"new-{Guid.NewGuid():N}@example.org", password = "weak" }))
            .AssertFieldErrorAsync("password");

        // The registration page answers alike too: both are sent to look in their mailbox.
        var page = PageBrowser.Open(factory);
        var takenOnPage = await page.SubmitAsync("/account/register", new Dictionary<string, string> { ["Email"] = taken,
            ["Password"] = NewPassword });
        var newOnPage = await page.SubmitAsync("/account/register",
            new Dictionary<string, string> { ["Email"] = $"page-{Guid.NewGuid():N}@example.org", ["Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, takenOnPage.StatusCode);
        Assert.Equal(newOnPage.Headers.Location, takenOnPage.Headers.Location);
    }

    [Fact]
    public async Task Forgot_password_answers_alike_and_the_emailed_link_resets_it_and_ends_every_other_session()
    {
        await using var factory = WorkflowApiFactory.With();
        var email = $"forgetful-{Guid.NewGuid():N}@example.org";
        var session = await factory.SignedInClientAsync(email);
        var login = await (await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password }))
            .JsonAsync();
        var cookieSession = PageBrowser.Open(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await cookieSession.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password })).StatusCode);
        await cookieSession.GetHtmlAsync("/drafts");

        var anonymous = factory.CreateClient();
        var unknown = await anonymous.PostAsJsonAsync("/api/auth/forgotPassword", new { email = $"nobody-{Guid.NewGuid():N}@example.org" });
        var known = await anonymous.PostAsJsonAsync("/api/auth/forgotPassword", new { email });
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());

        var query = await MailLinks.AccountLinkQueryAsync(factory.MailPickupDirectory, email, "/account/reset-password");
        var code = System.Web.HttpUtility.ParseQueryString(query)["code"]!;
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/resetPassword",
            new { email, resetCode = code, newPassword = NewPassword })).StatusCode);
        // The code works once.
        await (await anonymous.PostAsJsonAsync("/api/auth/resetPassword",
            new { email, resetCode = code, newPassword = ApiClient.Password })).AssertFieldErrorAsync("resetCode");

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = NewPassword })).StatusCode);
        // Every session from before the reset is over: bearer tokens, refresh tokens and the cookie.
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/statements")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = login.Str("refreshToken") })).StatusCode);
        var drafts = await cookieSession.Client.GetAsync("/drafts");
        Assert.Equal(HttpStatusCode.Redirect, drafts.StatusCode);
        Assert.Contains("/account/login", drafts.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_reset_link_opens_a_page_that_sets_the_new_password()
    {
        await using var factory = WorkflowApiFactory.With();
        var email = $"page-reset-{Guid.NewGuid():N}@example.org";
        var api = await factory.SignedInClientAsync(email);
        var browser = PageBrowser.Open(factory);
        var asked = await browser.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("If an account has this address", await asked.Content.ReadAsStringAsync());
        var unknown = await browser.SubmitAsync("/account/forgot-password",
            new Dictionary<string, string> { ["Email"] = $"nobody-{Guid.NewGuid():N}@example.org" });
        Assert.Equal(asked.StatusCode, unknown.StatusCode);
        Assert.Contains("If an account has this address", await unknown.Content.ReadAsStringAsync());

        var link = "/account/reset-password" + await MailLinks.AccountLinkQueryAsync(factory.MailPickupDirectory, email,
            "/account/reset-password");
        var reset = await browser.SubmitAsync(link, new Dictionary<string, string> { ["NewPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/statements")).StatusCode);
        var signIn = await browser.SubmitAsync("/account/login", new Dictionary<string, string> { ["Email"] = email,
            ["Password"] = ApiClient.Password });
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        signIn = await browser.SubmitAsync("/account/login", new Dictionary<string, string> { ["Email"] = email,
            ["Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task Sign_in_answers_an_unknown_account_as_a_wrong_password_also_once_throttled()
    {
        await using var factory = WorkflowApiFactory.With();
        var email = $"known-{Guid.NewGuid():N}@example.org";
        await factory.SignedInClientAsync(email);
        var client = factory.CreateClient();
        var unknownEmail = $"unknown-{Guid.NewGuid():N}@example.org";

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email, password = $"Wrong-{i}-password" });
            var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = unknownEmail, password = $"Wrong-{i}-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            await AssertSameAnswerAsync(wrong, unknown);
        }
        var throttled = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password });
        var throttledUnknown = await client.PostAsJsonAsync("/api/auth/login", new { email = unknownEmail, password = ApiClient.Password });
        await throttled.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.NotNull(throttledUnknown.Headers.RetryAfter?.Delta);
        await AssertSameAnswerAsync(throttled, throttledUnknown);

        // The pages answer alike too.
        var page = PageBrowser.Open(factory);
        var pageKnown = await page.SubmitAsync("/account/login", new Dictionary<string, string> { ["Email"] = email,
            ["Password"] = ApiClient.Password });
        var pageUnknown = await page.SubmitAsync("/account/login", new Dictionary<string, string> { ["Email"] = unknownEmail,
            ["Password"] = ApiClient.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, pageKnown.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, pageUnknown.StatusCode);
        Assert.Contains("Too many sign-in attempts", await pageKnown.Content.ReadAsStringAsync());
        // Register and forgot-password say nothing of the account either (tested above); neither does resending the confirmation.
        var resendKnown = await client.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email });
        var resendUnknown = await client.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email = unknownEmail });
        await AssertSameAnswerAsync(resendKnown, resendUnknown);
    }

    [Fact]
    public async Task Someone_failing_from_another_address_does_not_keep_the_owner_out()
    {
        await using var factory = WorkflowApiFactory.With(settings: ClientAddressesFromForwardedHeaders);
        var email = $"target-{Guid.NewGuid():N}@example.org";
        await factory.SignedInClientAsync(email);
        var attacker = From(factory, "203.0.113.9");
        for (var i = 0; i < 8; i++) await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = $"Guess-{i}-password" });
        await (await attacker.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);

        var owner = From(factory, "198.51.100.7");
        Assert.Equal(HttpStatusCode.OK,
            (await owner.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password })).StatusCode);
        var ownersBrowser = PageBrowser.Open(factory);
        ownersBrowser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.8");
        Assert.Equal(HttpStatusCode.Redirect, (await ownersBrowser.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password })).StatusCode);
    }

    [Fact]
    public async Task Each_form_is_limited_per_client_address_and_mails_per_recipient()
    {
        await using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?>(ClientAddressesFromForwardedHeaders)
        {
            ["AccountLimits:RegistrationsPerAddress"] = "2",
            ["AccountLimits:SignInAttemptsPerAddress"] = "3",
            ["AccountLimits:MailRequestsPerAddress"] = "2",
            ["AccountLimits:MailsPerRecipient"] = "3",
        });
        var registering = From(factory, "192.0.2.1");
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await registering.PostAsJsonAsync("/api/auth/register",
                new { email = $"r{i}-{Guid.NewGuid():N}@example.org", password = ApiClient.Password })).StatusCode);
        var refused = await registering.PostAsJsonAsync("/api/auth/register",
            new { email = $"r-{Guid.NewGuid():N}@example.org", password = ApiClient.Password });
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        var page = PageBrowser.Open(factory);
        page.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.1");
        var refusedPage = await page.SubmitAsync("/account/register",
            new Dictionary<string, string> { ["Email"] = $"p-{Guid.NewGuid():N}@example.org", ["Password"] = ApiClient.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedPage.StatusCode);
        Assert.Contains("Too many registrations", await refusedPage.Content.ReadAsStringAsync());

        var signingIn = From(factory, "192.0.2.2");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await signingIn.PostAsJsonAsync("/api/auth/login",
                new { email = $"s{i}@example.org", password = "Wrong-password-1" })).StatusCode);
        await (await signingIn.PostAsJsonAsync("/api/auth/login", new { email = "s9@example.org", password = "Wrong-password-1" }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);

        var asking = From(factory, "192.0.2.3");
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK,
                (await asking.PostAsJsonAsync("/api/auth/forgotPassword", new { email = $"f{i}@example.org" })).StatusCode);
        await (await asking.PostAsJsonAsync("/api/auth/forgotPassword", new { email = "f9@example.org" }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await (await asking.PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email = "f9@example.org" }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);

        // One recipient gets at most three account e-mails an hour, however many addresses ask.
        var victim = $"victim-{Guid.NewGuid():N}@example.org";
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await From(factory, $"198.18.0.{i + 1}")
                .PostAsJsonAsync("/api/auth/forgotPassword", new { email = victim })).StatusCode);
        await (await From(factory, "198.18.0.9").PostAsJsonAsync("/api/auth/forgotPassword", new { email = victim }))
            .AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_new_address_takes_effect_only_once_confirmed_from_that_address_and_a_new_password_ends_other_sessions()
    {
        await using var factory = WorkflowApiFactory.With();
        var email = $"old-{Guid.NewGuid():N}@example.org";
        var newEmail = $"new-{Guid.NewGuid():N}@example.org";
        var client = await factory.SignedInClientAsync(email);
        var other = await factory.SignedInClientAsync(email, register: false);

        var changed = await (await client.PostAsJsonAsync("/api/auth/manage/info", new { newEmail })).JsonAsync();
        Assert.Equal(email, changed.Str("email"));
        var query = await MailLinks.AccountLinkQueryAsync(factory.MailPickupDirectory, newEmail, "/account/confirm-email");
        Assert.Contains("changedEmail=", query);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/auth/confirmEmail" + query)).StatusCode);
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK,
            (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = newEmail, password = ApiClient.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password })).StatusCode);

        var mine = await factory.SignedInClientAsync(newEmail, register: false);
        await (await mine.PostAsJsonAsync("/api/auth/manage/info", new { newPassword = NewPassword, oldPassword = "Not-the-password-1" }))
            .AssertFieldErrorAsync("oldPassword");
        Assert.Equal(HttpStatusCode.OK, (await mine.PostAsJsonAsync("/api/auth/manage/info",
            new { newPassword = NewPassword, oldPassword = ApiClient.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/statements")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await anonymous.PostAsJsonAsync("/api/auth/login", new { email = newEmail, password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task The_account_page_changes_the_password_keeps_this_session_and_asks_an_unconfirmed_account_to_confirm()
    {
        await using var factory = WorkflowApiFactory.With();
        var email = $"page-{Guid.NewGuid():N}@example.org";
        var api = await factory.SignedInClientAsync(email, confirm: false);
        var id = (await api.CreateStatementAsync()).Id;
        var browser = PageBrowser.Open(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password })).StatusCode);

        // Inviting on the campaign page sends the person to the account page, which says why and offers the link again.
        var invite = await browser.SubmitAsync($"/drafts/{id}/campaign", new Dictionary<string, string>
        {
            ["Invite.Name"] = "Frente Amplio", ["Invite.Email"] = "fa@example.org",
        }, handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        Assert.Equal("/account", invite.Headers.Location!.OriginalString);
        var account = await browser.GetHtmlAsync("/account");
        Assert.Contains("Confirm your e-mail address first", account);
        var mailsBefore = (await factory.MailsAsync()).Count(m => m.To.Mailboxes.Any(a => a.Address == email));
        Assert.Equal(HttpStatusCode.Redirect,
            (await browser.SubmitAsync("/account", new Dictionary<string, string>(), handler: "Resend")).StatusCode);
        Assert.Equal(mailsBefore + 1, (await factory.MailsAsync()).Count(m => m.To.Mailboxes.Any(a => a.Address == email)));

        var changed = await browser.SubmitAsync("/account", new Dictionary<string, string> { ["OldPassword"] = ApiClient.Password,
            ["NewPassword"] = NewPassword }, handler: "Password");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await browser.GetHtmlAsync("/account");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/statements")).StatusCode);
    }

    [Fact]
    public async Task The_two_factor_answer_gives_the_otpauth_address_of_the_shared_key_and_setting_it_up_keeps_the_session()
    {
        await using var factory = WorkflowApiFactory.With();
        var email = $"app-{Guid.NewGuid():N}@example.org";
        var client = await factory.SignedInClientAsync(email);
        var answer = await (await client.PostAsJsonAsync("/api/auth/manage/2fa", new { })).JsonAsync();
        var key = answer.Str("sharedKey");
        Assert.Equal($"otpauth://totp/Workflow:{Uri.EscapeDataString(email)}?secret={key}&issuer=Workflow&digits=6",
            answer.Str("authenticatorUri"));
        Assert.False(answer["isTwoFactorEnabled"]!.GetValue<bool>());
        // Asking for the key made the first one: the session goes on, and the key stays the same.
        Assert.Equal(key, (await (await client.PostAsJsonAsync("/api/auth/manage/2fa", new { })).JsonAsync()).Str("sharedKey"));
        await (await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = "000000" }))
            .AssertFieldErrorAsync("twoFactorCode");
    }

    private static readonly Dictionary<string, string?> ClientAddressesFromForwardedHeaders =
        new() { ["FORWARDEDHEADERS_ENABLED"] = "true" };

    /// <summary>A client whose requests come, as a proxy says, from this address.</summary>
    private static HttpClient From(WorkflowApiFactory factory, string address)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static async Task AssertSameAnswerAsync(HttpResponseMessage expected, HttpResponseMessage actual)
    {
        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(Comparable(await expected.Content.ReadAsStringAsync()), Comparable(await actual.Content.ReadAsStringAsync()));
    }

    /// <summary>The body without its trace id, which differs for every request.</summary>
    private static string Comparable(string body) =>
        body.Length > 0 && JsonNode.Parse(body) is JsonObject problem
            ? (problem.Remove("traceId") ? problem : problem).ToJsonString()
            : body;
}
