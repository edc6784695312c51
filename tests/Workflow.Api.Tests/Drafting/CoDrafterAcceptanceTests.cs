using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Drafting;

/// <summary>A co-drafting link works only for the person it was sent to: the account of that address, confirmed.</summary>
public sealed class CoDrafterAcceptanceTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private async Task<(HttpClient Owner, Guid StatementId, string Link)> InviteAsync(string email, string role = "Owner")
    {
        var owner = await factory.SignedInClientAsync();
        var id = (await owner.CreateStatementAsync(title: "Only for you")).Id;
        Assert.Equal(HttpStatusCode.Created,
            (await owner.PostAsJsonAsync($"/api/statements/{id}/members/invitations", new { email, role })).StatusCode);
        return (owner, id, await CoDrafting.LinkFromMailAsync(factory, email));
    }

    [Fact]
    public async Task An_account_of_another_address_cannot_accept_even_as_owner_and_learns_only_the_masked_address()
    {
        var invited = $"jane-{Guid.NewGuid():N}@example.org";
        var (owner, id, link) = await InviteAsync(invited);
        var intruder = await factory.SignedInClientAsync($"mallory-{Guid.NewGuid():N}@example.net");

        var problem = await (await intruder.PostAsync($"{link}/accept", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("j•••@example.org", problem.Str("detail"));
        Assert.DoesNotContain(invited, problem.ToJsonString());
        Assert.Equal("j•••@example.org", (await (await factory.CreateClient().GetAsync(link)).JsonAsync()).Str("invitedEmail"));

        await (await intruder.GetAsync($"/api/statements/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var members = await (await owner.GetAsync($"/api/statements/{id}/members")).JsonAsync();
        Assert.Single(members["members"]!.AsArray());
        Assert.Equal("Pending", members["invitations"]!.AsArray().Single().Str("status"));

        // The invited person still can.
        var jane = await factory.SignedInClientAsync(invited);
        Assert.Equal("Accepted", (await (await jane.PostAsync($"{link}/accept", null)).JsonAsync()).Str("status"));
    }

    [Fact]
    public async Task The_invited_address_must_be_confirmed_first()
    {
        var invited = $"kim-{Guid.NewGuid():N}@example.org";
        var (_, id, link) = await InviteAsync(invited, "Editor");
        var kim = await factory.SignedInClientAsync(invited, confirm: false); // registered, not confirmed

        var problem = await (await kim.PostAsync($"{link}/accept", null)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("Confirm your e-mail address", problem.Str("detail"));
        await (await kim.GetAsync($"/api/statements/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);

        await factory.ConfirmEmailAsync(invited);
        Assert.Equal(HttpStatusCode.OK, (await kim.PostAsync($"{link}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kim.GetAsync($"/api/statements/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_address_is_compared_without_regard_to_case_or_surrounding_space()
    {
        var local = $"Lea.{Guid.NewGuid():N}";
        var (_, _, link) = await InviteAsync($"{local}@Example.ORG", "Viewer");
        var lea = await factory.SignedInClientAsync($"{local.ToLowerInvariant()}@example.org");
        Assert.Equal(HttpStatusCode.OK, (await lea.PostAsync($"{link}/accept", null)).StatusCode);
    }

    [Fact]
    public async Task The_join_page_refuses_another_account_says_which_is_needed_and_lets_the_invited_one_join()
    {
        var invited = $"omar-{Guid.NewGuid():N}@example.org";
        var (_, id, apiLink) = await InviteAsync(invited, "Editor");
        var page = "/join/" + apiLink[(apiLink.LastIndexOf('/') + 1)..];

        var other = PageBrowser.Open(factory);
        var otherEmail = await other.RegisterAsync();
        await factory.ConfirmEmailAsync(otherEmail);
        var html = WebUtility.HtmlDecode(await other.GetHtmlAsync(page));
        Assert.Contains("o•••@example.org", html);
        Assert.DoesNotContain(invited, html);
        Assert.Contains("id=\"join-refusal\"", html);
        Assert.Contains("action=\"/account/sign-out\"", html); // with its antiforgery token
        Assert.DoesNotContain("Join as a co-drafter", html);

        // Posting the join form anyway is refused with the same explanation.
        var antiforgery = PageBrowser.TokenIn(await other.GetHtmlAsync(page));
        var refused = await other.Client.PostAsync(page,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("id=\"join-refusal\"", await refused.Content.ReadAsStringAsync());

        // Signing out from there leads to the sign-in page, which comes back to the link.
        var signedOut = await other.Client.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = antiforgery,
            ["returnUrl"] = "/account/login?ReturnUrl=" + Uri.EscapeDataString(page),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=" + Uri.EscapeDataString(page), signedOut.Headers.Location!.OriginalString);

        var omar = PageBrowser.Open(factory);
        await omar.RegisterAsync(invited);
        await factory.ConfirmEmailAsync(invited);
        var joined = await omar.SubmitAsync(page, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.Equal($"/drafts/{id}", joined.Headers.Location!.OriginalString);
    }
}
