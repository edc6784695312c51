using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Security;

/// <summary>
/// Two processes of the built service on one PostgreSQL database, as behind a proxy: the limits on guessing token links and
/// on sign-on submissions per client address are counted once for both, so an abuser gets no more than from one. Always
/// on PostgreSQL (the suite's own server: Support/Servers), whatever WORKFLOW_TEST_DATABASE says.
/// </summary>
public sealed class SharedLimitsMultiInstanceTests
{
    private const int TokenGuesses = 6;
    private const int SignOns = 4;

    [Fact]
    public async Task Two_processes_on_one_PostgreSQL_database_share_the_token_guessing_and_sign_on_limits()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workflow-tests", Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Workflow"] = $"{TestDatabase.PostgresServer};Database=workflow_limits_{Guid.NewGuid():N}",
            ["DataDirectory"] = dataDirectory,
            ["Seeds__ImportOnStartup"] = "false",
            ["Database__MigrateOnStartup"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Logging__LogLevel__Default"] = "Warning",
            ["TokenGuessing__FailedLookupsPerWindow"] = $"{TokenGuesses}",
            ["OpenSignOn__PerClientAddressPerHour"] = $"{SignOns}",
        };
        using (var migrate = ServiceProcess.Start("migrate", ["migrate"], environment))
            await migrate.WaitForExitAsync(TimeSpan.FromMinutes(2));
        await using var web1 = ServiceProcess.Start("web1", [], environment);
        await using var web2 = ServiceProcess.Start("web2", [], environment);
        await Task.WhenAll(web1.WaitReadyAsync(), web2.WaitReadyAsync());
        HttpClient On(int i) => i % 2 == 0 ? web1.Http : web2.Http;

        // A published statement open to sign-on, and one real signing link.
        var drafter = await ApiClient.SignedInClientAsync(web1.Http.BaseAddress!, Path.Combine(dataDirectory, "mail-pickup"));
        var statement = await drafter.CreateStatementAsync(title: "Counted once");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        Assert.Equal(HttpStatusCode.Created, (await web2.Http.SignAsync((await drafter.InviteAsync(id)).Token!)).StatusCode);
        var token = (await drafter.InviteAsync(id, name: "Rode Morgen", nameEnglish: "Red Dawn", acronym: "RM", country: "NL",
            email: "rm@example.org")).Token!;
        await drafter.PublishAsync(id);
        Assert.Equal(HttpStatusCode.OK,
            (await drafter.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = true })).StatusCode);

        // Unknown tokens, alternating between the processes: the limit is reached once for both.
        for (var i = 0; i < TokenGuesses; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await On(i).GetAsync($"/api/invitations/{Guid.NewGuid():N}")).StatusCode);
        for (var i = 0; i < 2; i++)
        {
            var refused = await On(i).GetAsync($"/api/invitations/{Guid.NewGuid():N}");
            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        }
        // The link that exists works from that address on both.
        Assert.Equal(HttpStatusCode.OK, (await web1.Http.GetAsync($"/api/invitations/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await web2.Http.SignAsync(token)).StatusCode);

        // Sign-on submissions, alternating: accepted up to the limit, then refused by both.
        var slug = statement.Slug;
        var hash = (await (await web2.Http.GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"].Str("textHash");
        Task<HttpResponseMessage> Submit(int i) => On(i).PostAsJsonAsync($"/api/public/statements/{slug}/sign-on", new
        {
            organisation = new { name = $"Organisation {OrganisationNames.InWords(i + 1)}" },
            email = $"contact@org{i}.example", signerName = "Ana Mamani", textHash = hash,
        });
        for (var i = 0; i < SignOns; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await Submit(i)).StatusCode);
        for (var i = SignOns; i < SignOns + 2; i++)
        {
            var refused = await Submit(i);
            Assert.Contains("network address", (await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests)).Str("detail"));
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(59), "429 without the rest of the hour in Retry-After");
        }
    }
}
