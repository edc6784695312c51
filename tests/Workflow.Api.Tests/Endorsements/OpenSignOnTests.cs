using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Endorsements;

public sealed class OpenSignOnTests(OpenSignOnTests.Fixture fixture) : IClassFixture<OpenSignOnTests.Fixture>
{
    /// <summary>All requests of a test server come from one address: the per-address limit is tested on its own server.</summary>
    public sealed class Fixture : IDisposable
    {
        public WorkflowApiFactory Factory { get; } = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["OpenSignOn:PerClientAddressPerHour"] = "100000",
        });

        public void Dispose() => Factory.Dispose();
    }

    private WorkflowApiFactory Factory => fixture.Factory;

    [Fact]
    public async Task After_publication_an_uninvited_organisation_signs_through_the_form_confirms_and_joins_the_subsequent_signatories()
    {
        var (drafter, id, slug) = await PublishedWithOpenSignOnAsync(Factory);
        var visitor = Factory.CreateClient();

        var form = await (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync();
        var submitted = await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on",
            Entry("Partido Comunista de Bolivia", "pcb@bolivia.example", form["version"].Str("textHash")));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        Assert.Equal("AwaitingConfirmation", (await submitted.JsonAsync()).Str("state"));

        // Until the link in the e-mail is followed, the drafters cannot approve it.
        var queued = (await (await drafter.GetAsync($"/api/statements/{id}/sign-ons")).JsonArrayAsync()).Single()!;
        Assert.Equal("AwaitingConfirmation", queued.Str("status"));
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/sign-ons/{queued.Str("id")}/approve", new { }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        var link = await ConfirmationLinkAsync(Factory, "pcb@bolivia.example");
        Assert.Equal("AwaitingConfirmation", (await (await visitor.GetAsync(link)).JsonAsync()).Str("state")); // looking confirms nothing
        var confirmed = await (await visitor.PostAsync($"{link}/confirm", null)).JsonAsync();
        Assert.Equal("AwaitingModeration", confirmed.Str("state"));
        Assert.Equal("AwaitingModeration", (await (await visitor.PostAsync($"{link}/confirm", null)).JsonAsync()).Str("state"));

        var approved = await drafter.PostAsJsonAsync($"/api/statements/{id}/sign-ons/{queued.Str("id")}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var receipt = await approved.JsonAsync();
        Assert.Equal("Subsequent", receipt.Str("phase"));
        Assert.Equal(2, receipt["number"]!.GetValue<int>());
        Assert.Equal(form["version"].Str("textHash"), receipt.Str("textHash"));
        Assert.Equal(confirmed["confirmedAt"]!.GetValue<DateTimeOffset>(), receipt["signedAt"]!.GetValue<DateTimeOffset>());

        var campaign = await (await drafter.GetAsync($"/api/statements/{id}/campaign")).JsonAsync();
        Assert.Equal(1, campaign["signOnCounts"]!["Approved"]!.GetValue<int>());
        Assert.Equal(0, campaign["signOnCounts"]!["AwaitingModeration"]!.GetValue<int>());

        var list = await visitor.SignatoriesAsync(slug);
        Assert.Contains(list.Signatories, s => s.Name == "Partido Comunista de Bolivia" && s.Phase == "Subsequent");
        var text = await visitor.GetStringAsync($"/statements/{slug}/signatories.txt");
        Assert.True(text.IndexOf("Partido Comunista de Bolivia", StringComparison.Ordinal) > text.IndexOf("Partido Comunista Peruano",
            StringComparison.Ordinal),
            "the subsequent signatory comes after the initial list");
        var audit = await Eventually.ReturnsAsync(async () => await (await drafter.GetAsync($"/api/statements/{id}/audit"))
            .JsonArrayAsync(),
            entries => entries.Any(e => e.Str("eventType") == "SignOnApproved"), "the approval is in the audit log");
        foreach (var type in new[] { "OpenSignOnChanged", "SignOnSubmitted", "SignOnConfirmed", "SignatureRecorded" })
            Assert.Contains(audit, e => e.Str("eventType") == type);
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.DoesNotContain(audit, e => e.Str("payload").Contains(token));
    }

    [Fact]
    public async Task The_form_exists_only_while_the_drafters_keep_it_open_and_bad_entries_are_refused_naming_the_field()
    {
        var (drafter, id, slug) = await PublishedWithOpenSignOnAsync(Factory);
        var visitor = Factory.CreateClient();
        var hash = (await (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"].Str("textHash");

        foreach (var (body, field) in new (object, string)[]
        {
            (new { organisation = new { name = "" }, email = "a@b.example", signerName = "A", textHash = hash }, "organisation.name"),
            (new { organisation = new { name = "X" }, email = "not-an-address", signerName = "A", textHash = hash }, "email"),
            (new { organisation = new { name = "X" }, email = "a@b.example", signerName = "", textHash = hash }, "signerName"),
            (new { organisation = new { name = "X" }, email = "a@b.example", signerName = "A", textHash = "abc" }, "textHash"),
            (new { organisation = new { name = "X", country = "Bolivia" }, email = "a@b.example", signerName = "A", textHash = hash },
                "organisation.country"),
        })
        {
            await (await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on", body)).AssertFieldErrorAsync(field);
        }
        var otherText = await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on",
            Entry("X", "x@x.example", new string('a', 64)));
        Assert.Equal(hash, (await otherText.AssertProblemAsync(HttpStatusCode.Conflict)).Str("textHash"));

        // Only its drafters see the queue or close the form; closed, it is gone.
        var stranger = await Factory.SignedInClientAsync();
        await (await stranger.GetAsync($"/api/statements/{id}/sign-ons")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = false }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Unauthorized, (await visitor.GetAsync($"/api/statements/{id}/sign-ons")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await drafter.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = false })).StatusCode);
        await (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on", Entry("X", "x@x.example", hash)))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await visitor.GetAsync($"/api/public/sign-ons/{new string('A', 43)}")).AssertProblemAsync(HttpStatusCode.NotFound);

        // A draft's text is not shown to the public, even with the form switched on.
        var draft = await drafter.CreateStatementAsync(title: $"Draft {Guid.NewGuid():N}");
        Assert.Equal(HttpStatusCode.OK,
            (await drafter.PutAsJsonAsync($"/api/statements/{draft.Id}/open-sign-on", new { enabled = true })).StatusCode);
        await (await visitor.GetAsync($"/api/public/statements/{draft.Slug}/sign-on")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_rejected_entry_is_told_why_and_can_no_longer_be_approved()
    {
        var (drafter, id, slug) = await PublishedWithOpenSignOnAsync(Factory);
        var entryId = await SubmitAndConfirmAsync(Factory, slug, "Frente Falso", "falso@fake.example", language: "es");

        var rejected = await drafter.PostAsJsonAsync($"/api/statements/{id}/sign-ons/{entryId}/reject",
            new { reason = "No es una organización conocida." });
        Assert.Equal("Rejected", (await rejected.JsonAsync()).Str("status"));
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/sign-ons/{entryId}/approve", new { }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var notice = await Eventually.ReturnsAsync(
            async () => (await Factory.MailsAsync()).Where(m => m.To.Mailboxes.Any(a => a.Address == "falso@fake.example")
                && (m.Subject ?? "").StartsWith("Firma no aceptada", StringComparison.Ordinal)).ToList(),
            mails => mails.Count == 1, "the signer is told, in Spanish");
        Assert.Contains("No es una organización conocida.", notice[0].TextBody);
        Assert.DoesNotContain(await (await Factory.CreateClient()
            .GetAsync($"/api/public/statements/{slug}/signatories")).Content.ReadAsStringAsync(), "Frente Falso");
    }

    [Fact]
    public async Task An_entry_that_looks_like_a_known_organisation_is_approved_as_the_record_the_drafter_picks()
    {
        var (drafter, id, slug) = await PublishedWithOpenSignOnAsync(Factory);
        var acronym = "B" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var known = await (await drafter.PostAsJsonAsync("/api/organisations",
            new { organisation = new { name = $"Partido Obrero {acronym}", acronym, country = "BO" } })).JsonAsync();
        var entryId = await SubmitAndConfirmAsync(Factory, slug, "Partido Obrero de Bolivia", $"po@{acronym.ToLowerInvariant()}.example",
            acronym, "BO");

        var queued = (await (await drafter.GetAsync($"/api/statements/{id}/sign-ons?state=AwaitingModeration")).JsonArrayAsync())
            .Single(e => e.Str("id") == entryId)!;
        Assert.Equal(known.Str("id"), queued["matches"]![0]!["organisation"].Str("id"));
        var offered = await drafter.PostAsJsonAsync($"/api/statements/{id}/sign-ons/{entryId}/approve", new { });
        Assert.NotEmpty((await offered.AssertProblemAsync(HttpStatusCode.Conflict))["matches"]!.AsArray());

        var receipt = await (await drafter.PostAsJsonAsync($"/api/statements/{id}/sign-ons/{entryId}/approve",
            new { organisationId = known.Str("id") })).JsonAsync();
        Assert.Equal(known.Str("id"), receipt["organisation"].Str("id"));
        Assert.Equal("Partido Obrero de Bolivia", receipt["organisation"].Str("name")); // shown as the signer wrote it
    }

    [Fact]
    public async Task An_address_waits_for_one_entry_at_a_time_and_a_lapsed_link_cannot_confirm()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        using var factory = WorkflowApiFactory.With(clock: clock,
            settings: new Dictionary<string, string?> { ["OpenSignOn:ConfirmWithin"] = "01:00:00" });
        var (_, _, slug) = await PublishedWithOpenSignOnAsync(factory);
        var visitor = factory.CreateClient();
        var hash = (await (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"].Str("textHash");
        Assert.Equal(HttpStatusCode.Accepted,
            (await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on", Entry("Uno", "uno@uno.example", hash))).StatusCode);
        await (await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on", Entry("Uno", "UNO@uno.example", hash)))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var link = await ConfirmationLinkAsync(factory, "uno@uno.example");

        clock.Set(clock.GetUtcNow().AddHours(2));

        Assert.Equal("Lapsed", (await (await visitor.GetAsync(link)).JsonAsync()).Str("state"));
        await (await visitor.PostAsync($"{link}/confirm", null)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Accepted,
            (await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on", Entry("Uno", "uno@uno.example", hash))).StatusCode);
    }

    [Fact]
    public async Task Abuse_is_limited_per_client_address_per_email_domain_and_by_a_cap_on_pending_entries()
    {
        using var factory = WorkflowApiFactory.With(settings: new Dictionary<string, string?>
        {
            ["OpenSignOn:PerClientAddressPerHour"] = "7",
            ["OpenSignOn:PerEmailDomainPerHour"] = "2",
            ["OpenSignOn:MaxPendingPerStatement"] = "4",
        });
        var (drafter, id, slug) = await PublishedWithOpenSignOnAsync(factory);
        var visitor = factory.CreateClient();
        var hash = (await (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"].Str("textHash");
        Task<HttpResponseMessage> Submit(string email)
            => visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on", Entry("Org " + email, email, hash));

        // Per e-mail domain: two from one domain, then 429; another domain still gets in.
        Assert.Equal(HttpStatusCode.Accepted, (await Submit("a@spam.example")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Submit("b@spam.example")).StatusCode);
        var perDomain = await (await Submit("c@spam.example")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("spam.example", perDomain.Str("detail"));
        Assert.Equal(HttpStatusCode.Accepted, (await Submit("d@other.example")).StatusCode);

        // Per statement: four pending at most; rejecting one makes room.
        Assert.Equal(HttpStatusCode.Accepted, (await Submit("e@third.example")).StatusCode);
        await (await Submit("f@fourth.example")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        var first = (await (await drafter.GetAsync($"/api/statements/{id}/sign-ons")).JsonArrayAsync()).Last()!;
        Assert.Equal(HttpStatusCode.OK,
            (await drafter.PostAsJsonAsync($"/api/statements/{id}/sign-ons/{first.Str("id")}/reject", new { reason = "spam" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await Submit("g@fifth.example")).StatusCode);

        // Per client address: the seventh request of the hour was the last one let through.
        var perAddress = await (await Submit("h@sixth.example")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("network address", perAddress.Str("detail"));
        Assert.Equal(5, (await (await drafter.GetAsync($"/api/statements/{id}/sign-ons")).JsonArrayAsync()).Count);
    }

    private static object Entry(string name, string email, string textHash, string? acronym = null, string? country = null,
        string? language = null) =>
        new { organisation = new { name, acronym, country }, email, signerName = "Ana Mamani", signerRole = "Secretaria", textHash,
            language };

    private static async Task<(HttpClient Drafter, Guid Id, string Slug)> PublishedWithOpenSignOnAsync(WorkflowApiFactory factory)
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Open to all {Guid.NewGuid():N}");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var token = (await drafter.InviteAsync(id)).Token!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(token)).StatusCode);
        await drafter.PublishAsync(id);
        var opened = await (await drafter.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = true })).JsonAsync();
        Assert.True(opened["acceptsOpenSignOn"]!.GetValue<bool>());
        return (drafter, id, statement.Slug);
    }

    private static async Task<string> SubmitAndConfirmAsync(WorkflowApiFactory factory, string slug, string name, string email,
        string? acronym = null, string? country = null, string? language = null)
    {
        var visitor = factory.CreateClient();
        var hash = (await (await visitor.GetAsync($"/api/public/statements/{slug}/sign-on")).JsonAsync())["version"].Str("textHash");
        var receipt = await (await visitor.PostAsJsonAsync($"/api/public/statements/{slug}/sign-on",
            Entry(name, email, hash, acronym, country, language))).JsonAsync();
        var link = await ConfirmationLinkAsync(factory, email);
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync($"{link}/confirm", null)).StatusCode);
        return receipt.Str("id");
    }

    private static Task<string> ConfirmationLinkAsync(WorkflowApiFactory factory, string email)
        => factory.ApiLinkFromMailAsync(email, "/sign-on", "/api/public/sign-ons");
}
