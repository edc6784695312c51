using System.Buffers.Text;
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
        await drafter.OpenAsync(statement.Id);
        var token = (await drafter.InviteAsync(statement.Id, email: "guess@example.org")).Token!;

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
            var guess = Base64Url.EncodeToString(Guid.NewGuid().ToByteArray());
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
    public async Task Five_wrong_passwords_make_that_address_wait_for_that_account_on_the_api_and_the_page_without_locking_the_account()
    {
        await using var factory =
            WorkflowApiFactory.With(settings: new Dictionary<string, string?> { ["FORWARDEDHEADERS_ENABLED"] = "true" });
        var email = $"locked-{Guid.NewGuid():N}@example.org";
        await factory.SignedInClientAsync(email);
        var guesser = factory.CreateClient();
        guesser.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await guesser.PostAsJsonAsync("/api/auth/login", new { email, password = $"Wrong-{i}-password" })).StatusCode);

        // From that address even the right password now waits, with a time to come back; nothing says whether the account exists.
        var waiting = await guesser.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password });
        var problem = await waiting.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.DoesNotContain("locked", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(waiting.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");

        var browser = PageBrowser.Open(factory);
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.50");
        var page = await browser.SubmitAsync("/account/login",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = ApiClient.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Too many sign-in attempts", await page.Content.ReadAsStringAsync());
        Assert.False(page.Headers.Contains("Set-Cookie") && page.Headers.GetValues("Set-Cookie")
            .Any(c => c.StartsWith("workflow.session=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970")),
            "a waiting sign-in got a session cookie");

        // The account itself is not locked: its owner, elsewhere, signs in.
        var owner = factory.CreateClient();
        owner.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");
        Assert.Equal(HttpStatusCode.OK,
            (await owner.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password })).StatusCode);
    }
}
