using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Pages;

/// <summary>
/// Issue 17, "safe and clear": acts that cannot be undone are confirmed on a page that says what happens, nobody is shown
/// a control their role may not use, paragraphs are chosen in the text, and the list's files read right everywhere.
/// </summary>
public sealed partial class SafeActsPageTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private const string Text =
        "We condemn the repression.\n\nWe demand the release of the prisoners.\n\nLong live international solidarity.";

    [Fact]
    public async Task A_commenter_sees_no_save_publish_or_invite_controls_and_comments_by_choosing_a_paragraph_in_the_text()
    {
        var (owner, api, id) = await OwnerWithStatementAsync(factory);
        var commenter = await MemberAsync(factory, api, id, "Commenter");

        var edit = Html(await commenter.GetHtmlAsync($"/drafts/{id}"));
        Assert.DoesNotContain("id=\"editor\"", edit);
        Assert.DoesNotContain("Save a new version", edit);
        Assert.DoesNotContain("/confirm/", edit);
        Assert.DoesNotContain("Withdraw the statement", edit);
        Assert.Contains("We demand the release of the prisoners.", edit); // the text is still read
        var ownersEdit = Html(await owner.GetHtmlAsync($"/drafts/{id}"));
        Assert.Contains("Save a new version", ownersEdit);
        Assert.Contains($"action=\"/drafts/{id}/confirm/open\"", ownersEdit);

        var campaign = Html(await commenter.GetHtmlAsync($"/drafts/{id}/campaign"));
        Assert.DoesNotContain("Send the invitation", campaign);
        Assert.DoesNotContain("Turn the public form on", campaign);
        Assert.Contains("id=\"owners-only\"", campaign);
        await commenter.GetHtmlAsync($"/drafts/{id}/confirm/publish", HttpStatusCode.Forbidden);

        var review = Html(await commenter.GetHtmlAsync($"/drafts/{id}/review"));
        Assert.Equal(3, Regex.Matches(review,
            ">Comment on this paragraph<span class=\"visually-hidden\"> \\(paragraph \\d\\)</span>").Count);
        Assert.Contains($"href=\"?paragraph=2#comment-heading\"", review);
        Assert.DoesNotContain("type=\"number\"", review);

        // The paragraph's link opens the form with that paragraph chosen; the comment lands under it.
        var chosen = Html(await commenter.GetHtmlAsync($"/drafts/{id}/review?paragraph=2"));
        Assert.Contains("<option value=\"2\" selected=\"selected\">2. We demand the release of the prisoners.</option>", chosen);
        var added = await commenter.SubmitAsync($"/drafts/{id}/review?paragraph=2",
            new Dictionary<string, string> { ["paragraph"] = "2", ["body"] = "Name them, one by one.", ["versionNumber"] = "1" },
            "Comment");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var after = Html(await commenter.GetHtmlAsync($"/drafts/{id}/review"));
        var comment = after.IndexOf("Name them, one by one.", StringComparison.Ordinal);
        Assert.InRange(comment, after.IndexOf("id=\"p2\"", StringComparison.Ordinal), after.IndexOf("id=\"p3\"", StringComparison.Ordinal));

        // A commenter proposes amendments but does not decide them: no Accept for them, one for the owner.
        var proposed = await commenter.SubmitAsync($"/drafts/{id}/review?amend=3",
            new Dictionary<string, string> { ["kind"] = "Replace", ["paragraph"] = "3",
                ["text"] = "Long live the solidarity of the peoples.", ["baseVersion"] = "1" }, "Propose");
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.DoesNotContain(">Accept<", Html(await commenter.GetHtmlAsync($"/drafts/{id}/review")));
        Assert.Contains(">Accept<", Html(await owner.GetHtmlAsync($"/drafts/{id}/review")));

        var viewer = await MemberAsync(factory, api, id, "Viewer");
        var read = Html(await viewer.GetHtmlAsync($"/drafts/{id}/review"));
        Assert.DoesNotContain("Comment on this paragraph", read);
        Assert.DoesNotContain("Add the comment", read);
        Assert.DoesNotContain("Mark resolved", read);
        Assert.Contains("id=\"readers-only\"", read);
    }

    [Fact]
    public async Task Opening_and_publishing_go_through_a_confirmation_that_says_what_happens_and_previews_the_list_as_of_the_date_chosen()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var service = WorkflowApiFactory.With(clock: clock);
        var (owner, api, id) = await OwnerWithStatementAsync(service);
        await api.InviteAsync(id, "Frente Privado", null, "FP", "PE", "fp@example.org"); // held while a draft

        // The old one-step post acts no more: the act is done only from its confirmation.
        var oneStep = await owner.SubmitAsync($"/drafts/{id}", new Dictionary<string, string>(), "Open");
        Assert.NotEqual(HttpStatusCode.Redirect, oneStep.StatusCode);
        Assert.Equal("Draft", await StateAsync(api, id));

        var confirmOpen = Html(await owner.GetHtmlAsync($"/drafts/{id}/confirm/open"));
        Assert.Contains("1 held invitations will be e-mailed now, each with its own link.", confirmOpen);
        Assert.Contains("This cannot be undone.", confirmOpen);
        Assert.Equal(HttpStatusCode.Redirect,
            (await owner.SubmitAsync($"/drafts/{id}/confirm/open", new Dictionary<string, string>())).StatusCode);
        Assert.Equal("OpenForSignature", await StateAsync(api, id));
        var openedAt = clock.GetUtcNow();
        // The state reads as words, not as the identifier.
        Assert.Contains("id=\"statement-state\">Open for signature</span>", Html(await owner.GetHtmlAsync($"/drafts/{id}")));

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = "Partido Comunista Peruano", acronym = "PCP", country = "PE" } })).StatusCode);
        var slug = (await api.StatementAsync(id)).Slug;
        clock.Set(openedAt.AddDays(2)); // from here on the pages, whose sign-in outlasts two days
        var now = clock.GetUtcNow();

        var preview = Html(await owner.GetHtmlAsync($"/drafts/{id}/confirm/publish"));
        Assert.Contains("id=\"publish-preview\"", preview);
        Assert.Contains("PCP Partido Comunista Peruano, Peru", preview);
        Assert.Contains($"Signatories as of {Day(now)}, further signatories possible", preview);
        Assert.Contains($"The list becomes public as of " +
            $"{now.UtcDateTime.ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture)} UTC, " +
            "with the 1 signatures so far as its initial signatories.", preview);

        var future = await owner.SubmitAsync($"/drafts/{id}/confirm/publish",
            new Dictionary<string, string> { ["AsOf"] = Field(now.AddDays(1)) }, "Preview");
        var futureHtml = Html(await future.Content.ReadAsStringAsync());
        Assert.Contains("A list cannot be published as of a date in the future.", futureHtml);
        Assert.DoesNotContain("id=\"publish-preview\"", futureHtml);
        var early = await owner.SubmitAsync($"/drafts/{id}/confirm/publish",
            new Dictionary<string, string> { ["AsOf"] = Field(openedAt.AddHours(-1)) });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("A list cannot be published as of a date before the statement opened for signature.",
            Html(await early.Content.ReadAsStringAsync()));
        var unreadable = await owner.SubmitAsync($"/drafts/{id}/confirm/publish",
            new Dictionary<string, string> { ["AsOf"] = "next Tuesday" });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal("Open for signature", await StateShownAsync(owner, id));

        var asOf = openedAt.AddDays(1);
        var chosen = Html(await (await owner.SubmitAsync($"/drafts/{id}/confirm/publish",
            new Dictionary<string, string> { ["AsOf"] = Field(asOf) }, "Preview"))
            .Content.ReadAsStringAsync());
        Assert.Contains($"Signatories as of {Day(asOf)}, further signatories possible", chosen);
        var published = await owner.SubmitAsync($"/drafts/{id}/confirm/publish", new Dictionary<string, string> { ["AsOf"] = Field(asOf) });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("Published", await StateShownAsync(owner, id));
        var shown = await service.CreateClient().PublishedStatementAsync(slug);
        Assert.Equal(Field(asOf), shown.PublishedAt!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Through_the_api_an_as_of_date_before_the_opening_and_an_unknown_date_without_a_source_are_refused_naming_the_field()
    {
        var api = await factory.SignedInClientAsync();
        var id = (await api.CreateStatementAsync(title: "As of when?")).Id;
        await api.OpenAsync(id);
        await (await api.PostAsJsonAsync($"/api/statements/{id}/publish", new { asOf = DateTimeOffset.UtcNow.AddDays(-1) }))
            .AssertFieldErrorAsync("asOf");
        await (await api.PostAsJsonAsync($"/api/statements/{id}/publish", new { asOfUnknown = true })).AssertFieldErrorAsync("asOfUnknown");
        Assert.Equal("OpenForSignature", await StateAsync(api, id));
    }

    [Fact]
    public async Task Revoking_and_withdrawing_are_confirmed_first()
    {
        var (owner, api, id) = await OwnerWithStatementAsync(factory);
        await api.OpenAsync(id);
        var invitation = await api.InviteAsync(id, "Bloque Popular", null, "BP", "PE", "bp@example.org");
        var invitationId = invitation.InvitationId;
        Assert.Contains($"action=\"/drafts/{id}/confirm/revoke\"", Html(await owner.GetHtmlAsync($"/drafts/{id}/campaign")));

        var confirm = Html(await owner.GetHtmlAsync($"/drafts/{id}/confirm/revoke?invitationId={invitationId}"));
        Assert.Contains("The invitation of Bloque Popular is revoked: its link stops working.", confirm);
        var revoked = await owner.SubmitAsync($"/drafts/{id}/confirm/revoke?invitationId={invitationId}",
            new Dictionary<string, string> { ["InvitationId"] = invitationId.ToString() });
        Assert.Equal($"/drafts/{id}/campaign", revoked.Headers.Location?.OriginalString);
        Assert.Contains("data-status=\"Revoked\"", Html(await owner.GetHtmlAsync($"/drafts/{id}/campaign")));

        Assert.Contains("This cannot be undone.", Html(await owner.GetHtmlAsync($"/drafts/{id}/confirm/withdraw")));
        Assert.Equal("OpenForSignature", await StateAsync(api, id));
        Assert.Equal(HttpStatusCode.Redirect,
            (await owner.SubmitAsync($"/drafts/{id}/confirm/withdraw", new Dictionary<string, string>())).StatusCode);
        Assert.Equal("Withdrawn", await StateAsync(api, id));
    }

    [Fact]
    public async Task The_csv_starts_with_a_byte_order_mark_the_print_page_holds_the_text_and_the_text_list_numbers_subsequent_signatories()
    {
        var api = await factory.SignedInClientAsync();
        var created = await api.CreateStatementAsync(title: "Files that read right",
            body: "We salute **the** mobilisations.\n\nWe call for solidarity.");
        var (id, slug) = (created.Id, created.Slug);
        await api.OpenAsync(id);
        await RecordAsync(api, id, "Партия труда", "PT", "RU");
        await api.PublishAsync(id);
        await RecordAsync(api, id, "Partido Comunista Revolucionario", "PCR", "CL");

        var anonymous = factory.CreateClient();
        var csv = await anonymous.GetByteArrayAsync($"/statements/{slug}/signatories.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var rows = Encoding.UTF8.GetString(csv, 3, csv.Length - 3);
        Assert.StartsWith("number,name,", rows);
        Assert.Contains("Партия труда", rows);

        var print = await anonymous.GetStringAsync($"/statements/{slug}/print");
        var text = print.IndexOf("We salute <strong>the</strong> mobilisations.", StringComparison.Ordinal);
        Assert.True(text > 0, print);
        Assert.True(print.IndexOf("PT Партия труда", StringComparison.Ordinal) > text, "the list follows the text");

        var list = await anonymous.GetStringAsync($"/statements/{slug}/signatories.txt");
        Assert.Contains("Subsequent signatories:\n\n  2. PCR Partido Comunista Revolucionario, Chile\n", list);
    }

    [Fact]
    public async Task A_too_long_title_is_refused_with_a_message_and_kept_as_typed_never_cut_by_the_field()
    {
        var page = PageBrowser.Open(factory);
        await page.RegisterAsync();
        var form = await page.GetHtmlAsync("/drafts/new");
        Assert.DoesNotMatch("<input id=\"title\"[^>]*maxlength", form);

        var title = new string('t', 290) + " the end";
        var refused = await page.SubmitAsync("/drafts/new",
            new Dictionary<string, string> { ["Title"] = title + "...", ["Language"] = "en", ["Body"] = "Text." });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = Html(await refused.Content.ReadAsStringAsync());
        Assert.Contains("must be 300 characters or fewer", html);
        Assert.Contains($"value=\"{title}...\"", html);
    }

    private static async Task<(PageBrowser Owner, HttpClient Api, Guid Id)> OwnerWithStatementAsync(WorkflowApiFactory service)
    {
        var owner = PageBrowser.Open(service);
        var email = await owner.RegisterAsync();
        var api = await service.SignedInClientAsync(email, register: false);
        var id = (await api.CreateStatementAsync(title: "Hands off Peru", body: Text)).Id;
        return (owner, api, id);
    }

    private static async Task<PageBrowser> MemberAsync(WorkflowApiFactory service, HttpClient ownerApi, Guid id, string role)
    {
        var member = PageBrowser.Open(service);
        var email = await member.RegisterAsync();
        Assert.Equal(HttpStatusCode.Created,
            (await ownerApi.PostAsJsonAsync($"/api/statements/{id}/members/invitations", new { email, role })).StatusCode);
        var join = await Drafting.CoDrafting.LinkFromMailAsync(service, email);
        Assert.Equal(HttpStatusCode.OK,
            (await (await service.SignedInClientAsync(email, register: false)).PostAsync($"{join}/accept", null)).StatusCode);
        return member;
    }

    private static async Task RecordAsync(HttpClient api, Guid id, string name, string acronym, string country) =>
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name, acronym, country } })).StatusCode);

    private static async Task<string> StateAsync(HttpClient api, Guid id) => (await api.StatementAsync(id)).State;

    private static async Task<string> StateShownAsync(PageBrowser page, Guid id) =>
        StateShown().Match(Html(await page.GetHtmlAsync($"/drafts/{id}"))).Groups[1].Value;

    [GeneratedRegex("id=\"statement-state\">([^<]*)<")]
    private static partial Regex StateShown();

    private static string Html(string html) => WebUtility.HtmlDecode(html);

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Field(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
