using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Statements;

/// <summary>
/// Changing a text that has signatures, through the pages and the API: the warning before the save, the diff the signer
/// sees before confirming, the receipt behind the old link, the campaign's count, and a save that conflicts.
/// </summary>
public sealed partial class TextChangeTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private const string FirstBody = "We salute the mobilisations.\n\nWe call for solidarity.";
    private const string ChangedBody = "We salute the heroic mobilisations.\n\nWe call for solidarity.";

    /// <summary>A drafter signed in on the pages and through the API, with a statement open for signature that one organisation
    /// signed.</summary>
    private async Task<(PageBrowser Pages, HttpClient Api, Guid Id, string Token)> SignedStatementAsync(string email)
    {
        var pages = PageBrowser.Open(factory);
        var drafter = await pages.RegisterAsync();
        var api = await factory.SignedInClientAsync(drafter, register: false);
        var id = (await api.CreateStatementAsync(title: "Solidarity", body: FirstBody)).Id;
        await api.OpenAsync(id);
        var token = (await api.InviteAsync(id, "Partido Comunista del Ecuador", null, "PCE", "EC", email)).Token!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(token)).StatusCode);
        return (pages, api, id, token);
    }

    private static async Task<int> VersionCountAsync(HttpClient api, Guid id) =>
        (await (await api.GetAsync($"/api/statements/{id}/versions")).JsonArrayAsync()).Count;

    [Fact]
    public async Task Saving_over_signatures_first_warns_with_their_number_and_the_change_and_saves_only_when_confirmed()
    {
        var (pages, api, id, _) = await SignedStatementAsync("pce-warning@example.org");
        var campaign = await pages.GetHtmlAsync($"/drafts/{id}/campaign");
        Assert.DoesNotContain("awaiting=true", campaign);

        var typed = new Dictionary<string, string> { ["Title"] = "Solidarity", ["Body"] = ChangedBody, ["ChangeNote"] = "Heroic",
            ["BaseVersion"] = "1" };
        var warned = await pages.SubmitAsync($"/drafts/{id}", typed, "Save");
        var html = await warned.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("Signatures that will need re-confirmation: 1.", html);
        Assert.Matches(@"<ins><span class=""visually-hidden""[^>]*>\[added:\] </span>heroic ", html);
        Assert.Contains(WebUtility.HtmlEncode(ChangedBody) + "</textarea>", html.Replace("&#xA;", "\n"));
        Assert.Contains("value=\"Heroic\"", html);
        Assert.Matches(@"<button[^>]*name=""AcknowledgedReconfirmations"" value=""1""", html);
        Assert.Equal(1, await VersionCountAsync(api, id));

        // The plain save button does not carry the confirmation: it warns again.
        Assert.Contains("Signatures that will need re-confirmation: 1.",
            await (await pages.SubmitAsync($"/drafts/{id}", typed, "Save")).Content.ReadAsStringAsync());
        Assert.Equal(1, await VersionCountAsync(api, id));

        var confirmed = await pages.SubmitAsync($"/drafts/{id}",
            new Dictionary<string, string>(typed) { ["AcknowledgedReconfirmations"] = "1" }, "Save");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(2, await VersionCountAsync(api, id));

        // The campaign counts the signature awaiting re-confirmation and links to it.
        campaign = await pages.GetHtmlAsync($"/drafts/{id}/campaign");
        Assert.Matches($@"<a href=""/drafts/{id}/signatures\?awaiting=true""><strong>1</strong> awaiting re-confirmation", campaign);
    }

    [Fact]
    public async Task The_API_refuses_a_save_whose_expected_number_of_reconfirmations_is_not_the_real_one_and_saves_without_one_as_before()
    {
        var (_, api, id, _) = await SignedStatementAsync("pce-api@example.org");
        var refused = await api.PutAsJsonAsync($"/api/statements/{id}/draft",
            new { title = "Solidarity", body = ChangedBody, baseVersion = 1, expectedReconfirmations = 0 });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(1, problem["reconfirmations"]!.GetValue<int>());
        Assert.Equal(1, await VersionCountAsync(api, id));
        await (await api.PutAsJsonAsync($"/api/statements/{id}/draft",
            new { title = "Solidarity", body = ChangedBody, baseVersion = 1, expectedReconfirmations = -1 }))
            .AssertFieldErrorAsync("expectedReconfirmations");

        Assert.Equal(HttpStatusCode.Created,
            (await api.PutAsJsonAsync($"/api/statements/{id}/draft",
                new { title = "Solidarity", body = ChangedBody, baseVersion = 1, expectedReconfirmations = 1 })).StatusCode);
        // A client that does not say goes on saving as before.
        Assert.Equal(HttpStatusCode.Created,
            (await api.PutAsJsonAsync($"/api/statements/{id}/draft",
                new { title = "Solidarity", body = FirstBody, baseVersion = 2 })).StatusCode);
        Assert.Equal(3, await VersionCountAsync(api, id));
    }

    [Fact]
    public async Task The_old_receipt_link_still_answers_after_a_text_change_and_says_what_happened()
    {
        var (pages, api, id, oldToken) = await SignedStatementAsync("pce-receipt@example.org");
        Assert.Equal(HttpStatusCode.Created,
            (await api.PutAsJsonAsync($"/api/statements/{id}/draft",
                new { title = "Solidarity", body = ChangedBody, baseVersion = 1 })).StatusCode);
        var newLink = await factory.LinkFromMailAsync("pce-receipt@example.org", "/sign", subjectStart: "The text you signed has changed");
        var signer = PageBrowser.Open(factory);

        var receipt = await signer.GetHtmlAsync($"/sign/{oldToken}");
        Assert.Contains("The text changed after you signed, on", receipt);
        Assert.Contains("Your re-confirmation of the new text is awaited", receipt);
        Assert.Equal(HttpStatusCode.OK, (await signer.Client.GetAsync($"/api/invitations/{oldToken}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signer.Client.GetAsync($"/api/invitations/{oldToken}/receipt")).StatusCode);

        // The new link's page shows what changed since the version signed, before the signer confirms.
        var toConfirm = await signer.GetHtmlAsync(newLink);
        Assert.Contains("What changed from version 1, which you agreed to, to version 2", toConfirm);
        Assert.Matches(@"<ins><span class=""visually-hidden""[^>]*>\[added:\] </span>heroic " +
            @"<span class=""visually-hidden""[^>]*> \[end of addition\]</span></ins>", toConfirm);
        var newHash = (await (await api.GetAsync($"/api/statements/{id}/versions/2")).JsonAsync()).Str("textHash");
        Assert.Equal(HttpStatusCode.Redirect,
            (await signer.SubmitAsync(newLink, new Dictionary<string, string> { ["TextHash"] = newHash }, "Reconfirm")).StatusCode);

        receipt = await signer.GetHtmlAsync($"/sign/{oldToken}");
        Assert.Contains("You re-confirmed the new text on", receipt);
        Assert.DoesNotContain("What changed from version", receipt);

        // The old link stays the way to withdraw, as the page said.
        Assert.Equal(HttpStatusCode.Redirect,
            (await signer.SubmitAsync($"/sign/{oldToken}", new Dictionary<string, string> { ["Note"] = "" }, "Withdraw")).StatusCode);
        receipt = await signer.GetHtmlAsync($"/sign/{oldToken}");
        Assert.Contains("You withdrew your signature on", receipt);
        Assert.Equal(HttpStatusCode.OK, (await signer.Client.GetAsync($"/api/invitations/{oldToken}/receipt")).StatusCode);
    }

    [Fact]
    public async Task A_save_refused_because_someone_else_saved_shows_their_change_keeps_the_typed_text_and_the_next_save_works()
    {
        var pages = PageBrowser.Open(factory);
        var drafter = await pages.RegisterAsync();
        var other = await factory.SignedInClientAsync(drafter, register: false);
        var id = (await other.CreateStatementAsync(title: "Solidarity", body: FirstBody)).Id;
        Assert.Contains("name=\"BaseVersion\" value=\"1\"", await pages.GetHtmlAsync($"/drafts/{id}"));

        // Meanwhile, in another window, version 2 is saved.
        Assert.Equal(HttpStatusCode.Created, (await other.PutAsJsonAsync($"/api/statements/{id}/draft",
            new { title = "Solidarity", body = "We salute the mobilisations.\n\nWe call for international solidarity.",
                baseVersion = 1 })).StatusCode);

        const string mine = "We salute the great mobilisations.\n\nWe call for solidarity.";
        var form = new Dictionary<string, string> { ["Title"] = "Solidarity", ["Body"] = mine, ["BaseVersion"] = "1" };
        var refused = await pages.SubmitAsync($"/drafts/{id}", form, "Save");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("What the other person changed, from version 1 to version 2", html);
        Assert.Matches(@"<ins><span class=""visually-hidden""[^>]*>\[added:\] </span>international ", html);
        Assert.Contains(WebUtility.HtmlEncode(mine) + "</textarea>", html.Replace("&#xA;", "\n"));

        // The retry sends what the returned page holds, as a browser does.
        var baseVersion = BaseVersionField().Match(html).Groups[1].Value;
        Assert.Equal("2", baseVersion);
        var retried = await pages.SubmitAsync($"/drafts/{id}", new Dictionary<string, string>(form) { ["BaseVersion"] = baseVersion },
            "Save");
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var latest = await (await other.GetAsync($"/api/statements/{id}/versions/3")).JsonAsync();
        Assert.Equal(mine, latest.Str("body"));
    }

    [GeneratedRegex("name=\"BaseVersion\" value=\"([0-9]+)\"")]
    private static partial Regex BaseVersionField();
}
