using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Support;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Limits;

namespace Workflow.Api.Tests.Security;

/// <summary>
/// The counters every instance shares, in the service's own database (SQLite by default, PostgreSQL in the suite's
/// PostgreSQL run), and two services on one database sharing the token-guessing and sign-on limits through HTTP.
/// The built service as separate processes on PostgreSQL: <see cref="SharedLimitsMultiInstanceTests"/>.
/// </summary>
public sealed class SharedLimitsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Concurrent_hits_are_each_counted_once_and_exactly_the_permits_are_allowed()
    {
        await using var factory = WorkflowApiFactory.With();
        var limits = factory.Services.GetRequiredService<ISharedLimits>();
        var rule = new LimitRule("test-concurrent", 25, TimeSpan.FromHours(1));

        var decisions = await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => Task.Run(() => limits.HitAsync(rule, "203.0.113.7"))));

        Assert.Equal(25, decisions.Count(d => d.Allowed));
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.InRange(d.RetryAfter, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1)));
        Assert.False((await limits.CheckAsync(rule, "203.0.113.7")).Allowed);
        Assert.True((await limits.CheckAsync(rule, "203.0.113.8")).Allowed);
        Assert.Equal(60, await factory.InDatabaseAsync(db => db.LimitCounters.Where(c => c.Rule == rule.Name).SumAsync(c => c.Hits)));
    }

    [Fact]
    public async Task The_update_or_insert_path_sql_server_takes_counts_concurrent_hits_exactly_once_each()
    {
        await using var factory = WorkflowApiFactory.With();
        var services = factory.Services; // the service starts (and migrates) once, before the hits
        var hit = new LimitCounter { Rule = "test-portable", PartitionHash = new string('a', 64), Hits = 1, ExpiresAt = long.MaxValue };

        var counts = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            await using var scope = services.CreateAsyncScope();
            var counter = await DatabaseSharedLimits.IncrementInTransactionAsync(scope.ServiceProvider.GetRequiredService<WorkflowDb>(),
                hit, 0,
                scope.ServiceProvider.GetRequiredService<IDatabaseErrors>(), CancellationToken.None);
            return counter.Hits;
        })));

        Assert.Equal(Enumerable.Range(1, 40), counts.Order());
    }

    [Fact]
    public async Task A_window_starts_at_the_first_hit_a_new_one_starts_after_it_ends_and_ended_windows_are_swept()
    {
        var clock = new TestClock(Start);
        await using var factory = WorkflowApiFactory.With(clock: clock);
        var limits = factory.Services.GetRequiredService<DatabaseSharedLimits>();
        var rule = new LimitRule("test-window", 2, TimeSpan.FromMinutes(10));

        Assert.True((await limits.HitAsync(rule, "a")).Allowed);
        clock.Set(Start.AddMinutes(4));
        Assert.True((await limits.HitAsync(rule, "a")).Allowed);
        var refused = await limits.HitAsync(rule, "a");
        Assert.Equal(new LimitDecision(false, TimeSpan.FromMinutes(6)), refused);

        clock.Set(Start.AddMinutes(10));
        Assert.True((await limits.CheckAsync(rule, "a")).Allowed);
        Assert.True((await limits.HitAsync(rule, "a")).Allowed);
        await limits.HitAsync(rule, "b");
        clock.Set(Start.AddMinutes(15));
        await limits.HitAsync(rule, "c");

        // "b"'s window (from minute 10) has ended; "a"'s (from minute 10) too; "c"'s is current.
        clock.Set(Start.AddMinutes(20));
        Assert.Equal(2, await limits.SweepExpiredAsync());
        Assert.Equal([Partition("c")], await factory.InDatabaseAsync(db => db.LimitCounters.Where(c => c.Rule == rule.Name)
            .Select(c => c.PartitionHash).ToListAsync()));
    }

    [Fact]
    public async Task Partitions_of_any_length_and_content_are_stored_as_fixed_width_hashes_and_reset_forgets_them()
    {
        await using var factory = WorkflowApiFactory.With();
        var limits = factory.Services.GetRequiredService<ISharedLimits>();
        var rule = new LimitRule("test-hostile", 1, TimeSpan.FromHours(1));
        var hostile = "évil\0'); DROP TABLE \"LimitCounters\"; --" + new string('x', 100_000) + "\uD800";

        Assert.True((await limits.HitAsync(rule, hostile)).Allowed);
        Assert.False((await limits.HitAsync(rule, hostile)).Allowed);
        Assert.True((await limits.HitAsync(rule, hostile[..^1])).Allowed);
        var stored = await factory.InDatabaseAsync(db => db.LimitCounters.Where(c => c.Rule == rule.Name).Select(c => c.PartitionHash)
            .ToListAsync());
        Assert.All(stored, hash => Assert.Matches("^[0-9a-f]{64}$", hash));

        await limits.ResetAsync(rule, hostile);
        Assert.True((await limits.HitAsync(rule, hostile)).Allowed);
    }

    [Fact]
    public async Task Two_services_on_one_database_share_the_count_of_unknown_token_lookups()
    {
        var settings = new Dictionary<string, string?> { ["TokenGuessing:FailedLookupsPerWindow"] = "4" };
        await using var first = WorkflowApiFactory.With(settings: settings);
        await using var second = WorkflowApiFactory.With(dataDirectory: first.DataDirectory, settings: settings);
        var drafter = await first.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync();
        await drafter.OpenAsync(statement.Id);
        var token = (await drafter.InviteAsync(statement.Id, email: "shared@example.org")).Token!;
        var (one, two) = (first.CreateClient(), second.CreateClient());

        foreach (var client in new[] { one, two, one, two })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/invitations/{Guid.NewGuid():N}")).StatusCode);

        foreach (var client in new[] { two, one })
        {
            var refused = await client.GetAsync($"/api/invitations/{Guid.NewGuid():N}");
            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        }
        // The link that exists still works from the same address, on either service.
        Assert.Equal(HttpStatusCode.OK, (await two.GetAsync($"/api/invitations/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await one.SignAsync(token)).StatusCode);
    }

    [Fact]
    public async Task Two_services_on_one_database_share_the_count_of_sign_on_submissions_per_address()
    {
        var settings = new Dictionary<string, string?> { ["OpenSignOn:PerClientAddressPerHour"] = "3" };
        await using var first = WorkflowApiFactory.With(settings: settings);
        await using var second = WorkflowApiFactory.With(dataDirectory: first.DataDirectory, settings: settings);
        var (one, two) = (first.CreateClient(), second.CreateClient());
        // Every submission counts, whatever becomes of it: here, to a statement that does not exist.
        Task<HttpResponseMessage> Submit(HttpClient client) => client.PostAsJsonAsync("/api/public/statements/no-such-statement/sign-on",
            new { organisation = new { name = "Partido Comunista de Bolivia" }, email = "pcb@bolivia.example", signerName = "Ana Mamani",
                textHash = new string('0', 64) });

        // The page's form shares the limit (here refused for want of its antiforgery token, and counted all the same).
        Task<HttpResponseMessage> SubmitPage(HttpClient client) => client.PostAsync("/statements/no-such-statement/sign-on",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "Partido Comunista de Bolivia" }));

        Assert.Equal(HttpStatusCode.NotFound, (await Submit(one)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SubmitPage(two)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Submit(two)).StatusCode);

        foreach (var client in new[] { two, one })
        {
            var refused = await Submit(client);
            Assert.Contains("network address", (await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests)).Str("detail"));
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(59), "429 without the rest of the hour in Retry-After");
        }
        var page = await SubmitPage(one);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(59), "the page's 429 without Retry-After");
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.NotFound, (await two.GetAsync("/api/public/statements/no-such-statement/sign-on")).StatusCode);
    }

    private static string Partition(string partition) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(partition)));
}
