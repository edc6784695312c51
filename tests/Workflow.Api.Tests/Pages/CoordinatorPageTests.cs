using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Workflow.Api.Tests.Drafting;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Pages;

/// <summary>
/// The coordinator's pages that used to be API-only — co-drafters, the deadline and its reminders, the initiators, merging
/// directory records — through the real HTTP pipeline, as a browser without script uses them: who sees which controls,
/// who is refused, and hostile input answered on the form, never with a 500.
/// </summary>
public sealed partial class CoordinatorPageTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task An_owner_invites_a_co_drafter_on_the_page_changes_their_role_and_cannot_demote_or_remove_the_last_owner()
    {
        var (owner, api, id) = await OwnerWithStatementAsync("Co-drafters page");
        var editorEmail = $"editor-{Guid.NewGuid():N}@example.org";

        var invited = await owner.SubmitAsync($"/drafts/{id}/members",
            new Dictionary<string, string> { ["InviteEmail"] = editorEmail, ["InviteRole"] = "Editor" }, "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var page = await owner.GetHtmlAsync($"/drafts/{id}/members");
        Assert.Contains($"An invitation to co-draft as Editor was sent to {editorEmail}.", WebUtility.HtmlDecode(page));
        Assert.Matches(new Regex($"<td>{Regex.Escape(editorEmail)}</td>\\s*<td>Editor</td>\\s*<td [^>]*data-status=\"Pending\""), page);

        var link = await CoDrafting.LinkFromMailAsync(factory, editorEmail);
        var editorApi = await factory.SignedInClientAsync(editorEmail);
        Assert.Equal(HttpStatusCode.OK, (await editorApi.PostAsync($"{link}/accept", null)).StatusCode);
        page = await owner.GetHtmlAsync($"/drafts/{id}/members");
        Assert.Matches(new Regex($"<tr data-member=\"{Regex.Escape(editorEmail)}\">.*?data-role=\"Editor\"", RegexOptions.Singleline),
            page);
        Assert.Contains("data-status=\"Accepted\"", page);

        var members = await MembersAsync(api, id);
        var editorId = members.Single(m => m.Str("email") == editorEmail).Str("userId");
        var ownerId = members.Single(m => m.Str("role") == "Owner").Str("userId");
        var changed = await owner.SubmitAsync($"/drafts/{id}/members",
            new Dictionary<string, string> { ["memberId"] = editorId, ["role"] = "Commenter" }, "Role");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("Commenter", (await MembersAsync(api, id)).Single(m => m.Str("userId") == editorId).Str("role"));
        Assert.Contains($"{editorEmail} is now Commenter.", WebUtility.HtmlDecode(await owner.GetHtmlAsync($"/drafts/{id}/members")));

        // The last owner: a message on the page, 409 as the API answers, and nothing changed.
        foreach (var (handler, fields) in new[]
        {
            ("Role", new Dictionary<string, string> { ["memberId"] = ownerId, ["role"] = "Editor" }),
            ("Remove", new Dictionary<string, string> { ["memberId"] = ownerId }),
        })
        {
            var refused = await owner.SubmitAsync($"/drafts/{id}/members", fields, handler);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("A statement always keeps an owner: make someone else owner first.",
                WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }
        Assert.Equal("Owner", (await MembersAsync(api, id)).Single(m => m.Str("userId") == ownerId).Str("role"));

        // A role that does not exist, written as markup, is refused on its field.
        var chief = await owner.SubmitAsync($"/drafts/{id}/members",
            new Dictionary<string, string> { ["memberId"] = editorId, ["role"] = "<b>Chief</b>\u0007" }, "Role");
        Assert.Equal(HttpStatusCode.BadRequest, chief.StatusCode);
        Assert.DoesNotContain("<b>Chief</b>", await chief.Content.ReadAsStringAsync());
        Assert.Equal("Commenter", (await MembersAsync(api, id)).Single(m => m.Str("userId") == editorId).Str("role"));
    }

    [Fact]
    public async Task A_viewer_sees_the_co_drafters_without_the_invited_addresses_and_may_only_leave()
    {
        var (owner, api, id) = await OwnerWithStatementAsync("Viewer of co-drafters");
        var (viewer, viewerEmail) = await MemberBrowserAsync(api, id, "Viewer");
        var pendingEmail = $"pending-{Guid.NewGuid():N}@example.org";
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/drafts/{id}/members",
            new Dictionary<string, string> { ["InviteEmail"] = pendingEmail, ["InviteRole"] = "Commenter" }, "Invite")).StatusCode);
        var invitationId = (await (await api.GetAsync($"/api/statements/{id}/members")).JsonAsync())["invitations"]!.AsArray()
            .Single(i => i.Str("email") == pendingEmail).Str("id");

        var seen = WebUtility.HtmlDecode(await viewer.GetHtmlAsync($"/drafts/{id}/members"));
        Assert.Contains(viewerEmail, seen); // members name one another
        Assert.DoesNotContain(pendingEmail, seen);
        Assert.Contains("(seen by owners and editors)", seen);
        Assert.DoesNotContain("Send the invitation to co-draft", seen);
        Assert.DoesNotContain("name=\"role\"", seen);
        Assert.DoesNotContain(">Revoke<", seen);
        Assert.Contains("Leave the statement", seen);

        var ownerId = (await MembersAsync(api, id)).Single(m => m.Str("role") == "Owner").Str("userId");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SubmitAsync($"/drafts/{id}/members",
            new Dictionary<string, string> { ["InviteEmail"] = "x@example.org", ["InviteRole"] = "Owner" }, "Invite")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SubmitAsync($"/drafts/{id}/members",
            new Dictionary<string, string> { ["invitationId"] = invitationId }, "Revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.SubmitAsync($"/drafts/{id}/members",
            new Dictionary<string, string> { ["memberId"] = ownerId }, "Remove")).StatusCode);
        Assert.Equal(2, (await MembersAsync(api, id)).Count);

        var viewerId = (await MembersAsync(api, id)).Single(m => m.Str("email") == viewerEmail).Str("userId");
        var left = await viewer.SubmitAsync($"/drafts/{id}/members", new Dictionary<string, string> { ["memberId"] = viewerId }, "Remove");
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal("/drafts", left.Headers.Location!.OriginalString);
        await viewer.GetHtmlAsync($"/drafts/{id}/members", HttpStatusCode.Forbidden);

        // The owner revokes the pending invitation; markup typed as an address is refused on the form.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/drafts/{id}/members",
            new Dictionary<string, string> { ["invitationId"] = invitationId }, "Revoke")).StatusCode);
        Assert.Contains("data-status=\"Revoked\"", await owner.GetHtmlAsync($"/drafts/{id}/members"));
        var hostile = await owner.SubmitAsync($"/drafts/{id}/members",
            new Dictionary<string, string> { ["InviteEmail"] = "<script>alert(1)</script>\r\n@example.org", ["InviteRole"] = "Editor" },
            "Invite");
        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        Assert.DoesNotContain("<script>alert(1)</script>", await hostile.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_owner_sets_the_deadline_in_a_time_zone_sees_the_reminder_schedule_and_a_past_deadline_is_refused()
    {
        var (owner, api, id) = await OwnerWithStatementAsync("Deadline page");
        var day = DateTime.SpecifyKind(DateTime.UtcNow.Date.AddDays(30), DateTimeKind.Unspecified);
        var set = await owner.SubmitAsync($"/drafts/{id}/deadline", new Dictionary<string, string>
        {
            ["Date"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Time"] = "18:30", ["Zone"] = "America/Lima",
        }, "Set");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal($"/drafts/{id}/deadline?zone=America%2FLima", set.Headers.Location!.OriginalString);
        // Lima is UTC-5 all year.
        var expected = new DateTimeOffset(day.AddHours(18).AddMinutes(30), TimeSpan.FromHours(-5));
        Assert.Equal(expected,
            (await (await api.GetAsync($"/api/statements/{id}/campaign")).JsonAsync())["signatureDeadline"]!.GetValue<DateTimeOffset>());

        var page = WebUtility.HtmlDecode(await owner.GetHtmlAsync(set.Headers.Location.OriginalString));
        Assert.Contains($"{expected.ToString("d MMMM yyyy, HH:mm", English)} America/Lima (UTC-05:00; " +
            $"{expected.UtcDateTime.ToString("d MMMM yyyy, HH:mm", English)} UTC)", page);
        // The service's schedule (7 days and 1 day before by default), then the deadline.
        var schedule = Regex.Match(page, "<table class=\"table\" id=\"reminder-schedule\">.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("gets a reminder, with a new link, 7 days, 1 day before its deadline.", page);
        var rows = Regex.Matches(schedule, "<tr[^>]*>\\s*<td>(.*?)</td>\\s*<td>(.*?)</td>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(3, rows.Count);
        Assert.StartsWith(expected.AddDays(-7).ToString("d MMMM yyyy, HH:mm", English) + " America/Lima", rows[0].Item1);
        Assert.Equal("Reminder, 7 days before the deadline", rows[0].Item2.Trim());
        Assert.StartsWith(expected.AddDays(-1).ToString("d MMMM yyyy, HH:mm", English) + " America/Lima", rows[1].Item1);
        Assert.Equal("Deadline: pending invitations expire", rows[2].Item2.Trim());

        // A moment that has passed is refused on the form with the reason; the deadline stays.
        var past = await owner.SubmitAsync($"/drafts/{id}/deadline", new Dictionary<string, string>
        {
            ["Date"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Time"] = "12:00",
            ["Zone"] = "UTC",
        }, "Set");
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("The deadline must lie in the future; it is now", WebUtility.HtmlDecode(await past.Content.ReadAsStringAsync()));
        Assert.Equal(expected,
            (await (await api.GetAsync($"/api/statements/{id}/campaign")).JsonAsync())["signatureDeadline"]!.GetValue<DateTimeOffset>());

        // Zones that are not on the list, and values that are no date, are refused, never a 500.
        foreach (var (date, zone) in new[] { (day.ToString("yyyy-MM-dd"), "<script>alert(1)</script>"),
            (day.ToString("yyyy-MM-dd"), "../../etc/localtime"), ("2026-13-45", "UTC"), ("<b>", "UTC") })
        {
            var refused = await owner.SubmitAsync($"/drafts/{id}/deadline",
                new Dictionary<string, string> { ["Date"] = date, ["Time"] = "10:00", ["Zone"] = zone }, "Set");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.DoesNotContain("<script>alert(1)</script>", await refused.Content.ReadAsStringAsync());
        }

        // An editor sees the deadline and the schedule, but no form, and may not set it.
        var (editor, _) = await MemberBrowserAsync(api, id, "Editor");
        var seen = await editor.GetHtmlAsync($"/drafts/{id}/deadline");
        Assert.Contains("id=\"reminder-schedule\"", seen);
        Assert.DoesNotContain("name=\"Date\"", seen);
        Assert.Contains("The statement's owners set the deadline.", WebUtility.HtmlDecode(seen));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await editor.SubmitAsync($"/drafts/{id}/deadline", new Dictionary<string, string>(), "Clear")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect,
            (await owner.SubmitAsync($"/drafts/{id}/deadline", new Dictionary<string, string>(), "Clear")).StatusCode);
        Assert.Null((await (await api.GetAsync($"/api/statements/{id}/campaign")).JsonAsync())["signatureDeadline"]);
        Assert.Contains("No deadline: invitations stay open", WebUtility.HtmlDecode(await owner.GetHtmlAsync($"/drafts/{id}/deadline")));
    }

    [Fact]
    public async Task An_owner_names_the_initiators_from_the_directory_in_order_and_markup_in_names_stays_text()
    {
        var (owner, api, id) = await OwnerWithStatementAsync("Initiators page");
        const string hostileName = "<img src=x onerror=alert(1)> Colectivo";
        await api.InviteAsync(id, name: "Frente Amplio de Lima", nameEnglish: null, acronym: "FAL", email: "fal@example.org");
        await api.InviteAsync(id, name: hostileName, nameEnglish: null, acronym: null, email: "col@example.org");
        var frente = await DirectoryIdAsync(api, "Frente Amplio de Lima");
        var colectivo = await DirectoryIdAsync(api, "Colectivo");

        var found = await owner.GetHtmlAsync($"/drafts/{id}/initiators?q=frente");
        Assert.Contains("Frente Amplio de Lima", found);
        Assert.Contains("Add as initiator", found);
        foreach (var organisation in new[] { frente, colectivo })
            Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/drafts/{id}/initiators?q=frente",
                new Dictionary<string, string> { ["organisationId"] = organisation }, "Add")).StatusCode);
        Assert.Equal([frente, colectivo], await InitiatorIdsAsync(api, id));

        var page = await owner.GetHtmlAsync($"/drafts/{id}/initiators");
        Assert.DoesNotContain("<img src=x", page);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; Colectivo", page);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/drafts/{id}/initiators",
            new Dictionary<string, string> { ["organisationId"] = colectivo }, "Up")).StatusCode);
        Assert.Equal([colectivo, frente], await InitiatorIdsAsync(api, id));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync($"/drafts/{id}/initiators",
            new Dictionary<string, string> { ["organisationId"] = colectivo }, "Remove")).StatusCode);
        Assert.Equal([frente], await InitiatorIdsAsync(api, id));

        // A search with control characters or beyond the longest name is refused on the page.
        foreach (var q in new[] { new string('x', 301), "\u0007\u202e" })
            Assert.NotEqual(HttpStatusCode.InternalServerError,
                (await owner.Client.GetAsync($"/drafts/{id}/initiators?q={Uri.EscapeDataString(q)}")).StatusCode);
        await owner.GetHtmlAsync($"/drafts/{id}/initiators?q={new string('x', 301)}", HttpStatusCode.BadRequest);
        // An unknown organisation is refused with the reason.
        var unknown = await owner.SubmitAsync($"/drafts/{id}/initiators",
            new Dictionary<string, string> { ["organisationId"] = Guid.NewGuid().ToString() }, "Add");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("No organisation in the directory has this id.", await unknown.Content.ReadAsStringAsync());

        // A commenter sees the initiators, not the search, and may not change them.
        var (commenter, _) = await MemberBrowserAsync(api, id, "Commenter");
        var seen = await commenter.GetHtmlAsync($"/drafts/{id}/initiators?q=frente");
        Assert.Contains("Frente Amplio de Lima", seen);
        Assert.DoesNotContain("Add as initiator", seen);
        Assert.DoesNotContain("name=\"q\"", seen);
        Assert.Equal(HttpStatusCode.Forbidden, (await commenter.SubmitAsync($"/drafts/{id}/initiators",
            new Dictionary<string, string> { ["organisationId"] = frente }, "Remove")).StatusCode);
        Assert.Equal([frente], await InitiatorIdsAsync(api, id));
    }

    [Fact]
    public async Task A_drafter_merges_two_directory_records_after_seeing_them_side_by_side_and_confirming_which_stays()
    {
        var (owner, api, first) = await OwnerWithStatementAsync("Merge one");
        var second = (await api.CreateStatementAsync(title: "Merge two")).Id;
        await api.InviteAsync(first, name: "Frente de Defensa de Ayacucho", nameEnglish: null, acronym: "FDA", email: "fda@example.org");
        var twinCreated = await api.PostAsJsonAsync($"/api/statements/{second}/invitations", new
        {
            organisation = new { name = "<b>Frente</b> Defensa Ayacucho", country = "PE", registerAsNew = true },
            email = "fda2@example.org",
        });
        Assert.Equal(HttpStatusCode.Created, twinCreated.StatusCode);
        var found = await (await api.GetAsync("/api/organisations?q=ayacucho")).JsonArrayAsync();
        var survivor = found.Single(o => o.Str("name") == "Frente de Defensa de Ayacucho").Str("id");
        var twin = found.Single(o => o.Str("name") == "<b>Frente</b> Defensa Ayacucho").Str("id");

        var results = await owner.GetHtmlAsync("/drafts/organisations/merge?q=ayacucho");
        Assert.Contains("&lt;b&gt;Frente&lt;/b&gt; Defensa Ayacucho", results);
        Assert.DoesNotContain("<b>Frente</b>", results);

        var compare = WebUtility.HtmlDecode(await owner.GetHtmlAsync($"/drafts/organisations/merge?first={survivor}&second={twin}"));
        Assert.Contains("<td dir=\"auto\" id=\"first-name\">Frente de Defensa de Ayacucho</td>", compare);
        Assert.Contains("Keep Frente de Defensa de Ayacucho and merge <b>Frente</b> Defensa Ayacucho into it", compare);
        Assert.DoesNotContain("Merge <b>Frente</b> Defensa Ayacucho into Frente de Defensa de Ayacucho</button>",
            compare); // not before choosing

        var confirm = await owner.GetHtmlAsync($"/drafts/organisations/merge?first={survivor}&second={twin}&keep={survivor}");
        Assert.Contains("Frente de Defensa de Ayacucho stays. &lt;b&gt;Frente&lt;/b&gt; Defensa Ayacucho is merged into it: " +
            "its 0 signatures and 1 invitations move there", confirm);

        // Someone who drafts neither statement sees why not, gets no button, and is refused.
        var stranger = PageBrowser.Open(factory);
        await stranger.RegisterAsync();
        var refused = WebUtility.HtmlDecode(
            await stranger.GetHtmlAsync($"/drafts/organisations/merge?first={survivor}&second={twin}&keep={survivor}"));
        Assert.Contains("is used by 1 statement(s) you do not draft; only their drafters may merge it.", refused);
        Assert.DoesNotContain("id=\"merge-confirm\"", refused);
        var forbidden = await stranger.SubmitAsync("/drafts/organisations/merge",
            new Dictionary<string, string> { ["survivorId"] = survivor, ["duplicateId"] = twin }, "Merge");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("only their drafters may merge it", await forbidden.Content.ReadAsStringAsync());
        Assert.Null((await (await api.GetAsync($"/api/organisations/{twin}")).JsonAsync())["organisation"]!["mergedIntoId"]);

        var merged = await owner.SubmitAsync($"/drafts/organisations/merge?first={survivor}&second={twin}&keep={survivor}",
            new Dictionary<string, string> { ["survivorId"] = survivor, ["duplicateId"] = twin }, "Merge");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal(survivor, (await (await api.GetAsync($"/api/organisations/{twin}")).JsonAsync())["organisation"].Str("mergedIntoId"));
        Assert.Contains("<b>Frente</b> Defensa Ayacucho is merged into Frente de Defensa de Ayacucho.",
            WebUtility.HtmlDecode(await owner.GetHtmlAsync(merged.Headers.Location!.OriginalString)));

        // Ids that are no ids, and a search with control characters, are client errors.
        await owner.GetHtmlAsync("/drafts/organisations/merge?first=<script>", HttpStatusCode.BadRequest);
        Assert.True((int)(await owner.Client.GetAsync("/drafts/organisations/merge?q=%07%E2%80%AE")).StatusCode < 500);
    }

    private async Task<(PageBrowser Owner, HttpClient Api, Guid StatementId)> OwnerWithStatementAsync(string title)
    {
        var owner = PageBrowser.Open(factory);
        var email = await owner.RegisterAsync();
        var api = await factory.SignedInClientAsync(email, register: false);
        return (owner, api, (await api.CreateStatementAsync(title: title)).Id);
    }

    /// <summary>A new account that joined the statement with this role, signed in on the pages.</summary>
    private async Task<(PageBrowser Browser, string Email)> MemberBrowserAsync(HttpClient ownerApi, Guid statementId, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        Assert.Equal(HttpStatusCode.Created,
            (await ownerApi.PostAsJsonAsync($"/api/statements/{statementId}/members/invitations", new { email, role })).StatusCode);
        var link = await CoDrafting.LinkFromMailAsync(factory, email);
        var api = await factory.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{link}/accept", null)).StatusCode);
        var browser = PageBrowser.Open(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password })).StatusCode);
        return (browser, email);
    }

    private static async Task<List<System.Text.Json.Nodes.JsonNode>> MembersAsync(HttpClient api, Guid id) =>
        [.. (await (await api.GetAsync($"/api/statements/{id}/members")).JsonAsync())["members"]!.AsArray().Select(m => m!)];

    private static async Task<string> DirectoryIdAsync(HttpClient api, string name) =>
        (await (await api.GetAsync($"/api/organisations?q={Uri.EscapeDataString(name)}")).JsonArrayAsync()).Single().Str("id");

    private static async Task<List<string>> InitiatorIdsAsync(HttpClient api, Guid id) =>
        [.. (await (await api.GetAsync($"/api/statements/{id}/initiators")).JsonArrayAsync()).Select(o => o.Str("id"))];
}
