using System.Net;
using System.Net.Http.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Tests.Support;
using Workflow.Core.Endorsements;

namespace Workflow.Api.Tests.Hosting;

/// <summary>
/// The concurrency limit in front of the public sign-on and signing: past what a process works on and lets wait, a request
/// is refused at once with 503, Retry-After and a problem, instead of waiting until its client gives up.
/// </summary>
public sealed class OverloadTests
{
    /// <summary>Generous for a machine busy with other work: the condition, not the deadline, ends each wait.</summary>
    private const int LoadedMachineSeconds = 120;

    private static (WorkflowApiFactory Factory, Gate Gate) Start(int concurrent, int queued, string maxQueueWait = "00:01:00")
    {
        var gate = new Gate();
        var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["Overload:ConcurrentRequests"] = concurrent.ToString(),
            ["Overload:QueuedRequests"] = queued.ToString(),
            ["Overload:RetryAfter"] = "00:00:07",
            ["Overload:MaxQueueWait"] = maxQueueWait,
            ["OpenSignOn:PerClientAddressPerHour"] = "100000",
            ["OpenSignOn:PerEmailDomainPerHour"] = "100000",
        }, services: services =>
        {
            // Submissions and signings wait at the gate inside the service, holding their place in the limit, until the test opens it.
            services.AddSingleton(gate);
            services.AddScoped<IPipelineBehavior<SubmitSignOn, SignOnReceipt>, HeldAtGate<SubmitSignOn, SignOnReceipt>>();
            services.AddScoped<IPipelineBehavior<SignInvitation, SignatureResult>, HeldAtGate<SignInvitation, SignatureResult>>();
        });
        return (factory, gate);
    }

    [Fact]
    public async Task A_saturated_sign_on_refuses_the_rest_at_once_with_503_and_Retry_After_and_takes_what_it_let_in()
    {
        var (factory, gate) = Start(concurrent: 2, queued: 3);
        await using var _ = factory;
        var (slug, hash) = await OpenSignOnAsync(factory);
        var visitor = factory.CreateClient();

        // Fifty at once: two are worked on (held at the gate), three wait for a place, the other forty-five are refused.
        var submissions = Enumerable.Range(0, 50).Select(i => visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on",
            new { organisation = new { name = $"Crowd organisation {OrganisationNames.InWords(i)}" }, email = $"crowd{i}@org{i}.example",
                signerName = "Ana", textHash = hash }))
            .ToList();
        await Eventually.ReturnsAsync(() => Task.FromResult(submissions.Count(s => s.IsCompleted)), done => done == 45,
            "all but the five let in are answered while the gate is shut", LoadedMachineSeconds);
        await Eventually.ReturnsAsync(() => Task.FromResult(gate.Entered), n => n == 2, "the two let in are being worked on",
            LoadedMachineSeconds);

        foreach (var refused in submissions.Where(s => s.IsCompleted).Select(s => s.Result))
        {
            var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("Nothing was saved", problem.Str("detail"));
        }
        // Reads are not limited: the form still loads while the writes are full.
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).StatusCode);

        gate.Open();
        var taken = await Task.WhenAll(submissions.Where(s => !s.IsCompleted || s.Result.StatusCode != HttpStatusCode.ServiceUnavailable));
        Assert.Equal(5, taken.Length);
        Assert.All(taken, answer => Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode));
        Assert.Equal(5, gate.Entered);
        Assert.Equal(5, await factory.InDatabaseAsync(db => db.SignOnEntries.CountAsync(e => e.Email.StartsWith("crowd"))));
    }

    [Fact]
    public async Task A_full_signing_limit_refuses_with_503_and_Retry_After_and_the_signing_tried_again_later_goes_through()
    {
        var (factory, gate) = Start(concurrent: 1, queued: 0);
        await using var _ = factory;
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync()).Id;
        await drafter.OpenAsync(id);
        var first = (await drafter.InviteAsync(id, name: $"Overload organisation {OrganisationNames.InWords(1)}", nameEnglish: null,
            acronym: null, email: "one@example.org")).Token!;
        var second = (await drafter.InviteAsync(id, name: $"Overload organisation {OrganisationNames.InWords(2)}", nameEnglish: null,
            acronym: null, email: "two@example.org")).Token!;
        var signer = factory.CreateClient();

        var signing = signer.SignAsync(first);
        await Eventually.ReturnsAsync(() => Task.FromResult(gate.Entered), n => n == 1, "the first signing is being worked on",
            LoadedMachineSeconds);
        var refused = await signer.SignAsync(second);
        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);

        gate.Open();
        Assert.Equal(HttpStatusCode.Created, (await signing).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await signer.SignAsync(second)).StatusCode); // tried again once there is room, it goes through
    }

    [Fact]
    public async Task A_submission_that_waited_its_longest_for_a_place_is_refused_then_rather_than_when_the_client_gives_up()
    {
        var (factory, gate) = Start(concurrent: 1, queued: 10, maxQueueWait: "00:00:01");
        await using var _ = factory;
        var (slug, hash) = await OpenSignOnAsync(factory);
        var visitor = factory.CreateClient();
        Task<HttpResponseMessage> Submit(int i) => visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on",
            new { organisation = new { name = $"Waiting organisation {OrganisationNames.InWords(i)}" }, email = $"wait{i}@org{i}.example",
                signerName = "Ana", textHash = hash });

        var first = Submit(1);
        await Eventually.ReturnsAsync(() => Task.FromResult(gate.Entered), n => n == 1, "the first submission is being worked on",
            LoadedMachineSeconds);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var waited = await Submit(2);

        await waited.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(TimeSpan.FromSeconds(7), waited.Headers.RetryAfter?.Delta);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9),
            $"refused after {clock.Elapsed.TotalSeconds:F1} s: it should have waited for a place first");
        Assert.Equal(1, gate.Entered);
        gate.Open();
        Assert.Equal(HttpStatusCode.Accepted, (await first).StatusCode);
    }

    private static async Task<(string Slug, string TextHash)> OpenSignOnAsync(WorkflowApiFactory factory)
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Open to a crowd");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        (await drafter.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = true })).EnsureSuccessStatusCode();
        var slug = statement.Slug;
        var hash = (await (await factory.CreateClient().GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"]
            .Str("textHash");
        return (slug, hash);
    }

    private sealed class Gate
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _entered;
        public int Entered => Volatile.Read(ref _entered);
        public void Open() => _open.TrySetResult();

        public Task PassAsync()
        {
            Interlocked.Increment(ref _entered);
            return _open.Task;
        }
    }

    private sealed class HeldAtGate<TRequest, TResponse>(Gate gate) : IPipelineBehavior<TRequest, TResponse>
    {
        public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            await gate.PassAsync().WaitAsync(TimeSpan.FromSeconds(LoadedMachineSeconds), cancellationToken);
            return await next();
        }
    }
}
