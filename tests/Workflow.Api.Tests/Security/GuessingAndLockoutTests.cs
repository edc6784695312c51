using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Security;

/// <summary>Guessing signing links and passwords: refused after a few tries, with 429 and a time to come back.</summary>
public sealed class GuessingAndLockoutTests
{
    [Fact]
    public async Task Guessing_token_links_is_refused_with_429_after_twenty_unknown_tokens_while_real_links_keep_working_from_any_address()
    {
        await using var factory = WorkflowApiFactory.With();
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync();
        var token = (await drafter.InviteAsync(statement.Str("id"), email: "guess@example.org")).Str("token");
        await drafter.OpenAsync(statement.Str("id"));

        // A signer reads the page and the API many times: only unknown tokens count.
        var signer = factory.CreateClient();
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await signer.GetAsync($"/api/invitations/{token}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await signer.GetAsync($"/sign/{token}")).StatusCode);
        }

        // Twenty guesses across the kinds of token link, each 404.
        string[] links = ["/api/invitations/{0}", "/sign/{0}", "/api/public/sign-ons/{0}", "/sign-on/{0}"];
        for (var i = 0; i < 20; i++)
        {
            var guess = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            var link = string.Format(links[i % links.Length], guess);
            Assert.True(HttpStatusCode.NotFound == (await signer.GetAsync(link)).StatusCode, link);
        }

        var refused = await signer.GetAsync($"/api/invitations/{Guid.NewGuid():N}");
        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("links that do not exist", problem.Str("detail"));
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        // From that address unknown tokens wait, on the pages too, and signing cannot be used to keep guessing.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await signer.GetAsync($"/sign/{Guid.NewGuid():N}")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await signer.SignAsync(Guid.NewGuid().ToString("N"))).StatusCode);
        // Links that exist keep working for everyone behind the address: one guesser does not lock out an office.
        Assert.Equal(HttpStatusCode.OK, (await signer.GetAsync($"/sign/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signer.GetAsync($"/api/invitations/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await signer.SignAsync(token)).StatusCode);
        // Other pages are not affected.
        Assert.Equal(HttpStatusCode.OK, (await signer.GetAsync("/statements")).StatusCode);
    }

    [Fact]
    public async Task An_account_is_locked_after_five_wrong_passwords_even_for_the_right_one_on_the_api_and_the_page()
    {
        await using var factory = WorkflowApiFactory.With();
        var email = $"locked-{Guid.NewGuid():N}@example.org";
        var client = factory.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = ApiClient.Password })).EnsureSuccessStatusCode();

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = $"Wrong-{i}-password" })).StatusCode);

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal("LockedOut", (await locked.JsonAsync()).Str("detail"));

        var browser = PageBrowser.Open(factory);
        var page = await browser.SubmitAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("locked", await page.Content.ReadAsStringAsync());
        Assert.False(page.Headers.Contains("Set-Cookie") && page.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970")),
            "a locked account got a session cookie");
    }
}
