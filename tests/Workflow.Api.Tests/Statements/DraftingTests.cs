using System.Net;
using System.Net.Http.Json;
using System.Text;
using Workflow.Api.Tests.Support;
using Workflow.Core.Statements;

namespace Workflow.Api.Tests.Statements;

public sealed class DraftingTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Creating_a_statement_answers_201_with_its_location_and_first_version()
    {
        var client = await factory.SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/statements",
            new { title = "Hands off Peru!", body = "We *denounce* the coup.", language = "en", allowsFurtherSignatories = true });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsAsync<StatementDetails>();
        Assert.Equal($"/api/statements/{created.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Draft", created.State);
        Assert.Equal("hands-off-peru", created.Slug);
        Assert.Equal(1, created.LatestVersion.Number);
        Assert.Matches("^[0-9a-f]{64}$", created.LatestVersion.TextHash);

        var fetched = await (await client.GetAsync(response.Headers.Location)).ReadAsAsync<StatementDetails>();
        Assert.Equal("Hands off Peru!", fetched.Title);
    }

    [Fact]
    public async Task Revising_a_draft_makes_a_new_numbered_version_and_keeps_the_old_one()
    {
        var client = await factory.SignedInClientAsync();
        var statement = await client.CreateStatementAsync(body: "First text.");
        var id = statement.Id;

        var revised = await client.PutAsJsonAsync($"/api/statements/{id}/draft",
            new { title = "New title", body = "Second text.", baseVersion = 1 });
        Assert.Equal(HttpStatusCode.Created, revised.StatusCode);
        var version2 = await revised.ReadAsAsync<VersionDetails>();
        Assert.Equal(2, version2.Number);
        Assert.NotEqual(statement.LatestVersion.TextHash, version2.TextHash);

        var versions = await client.AnswerAsync<IReadOnlyList<VersionSummary>>($"/api/statements/{id}/versions");
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        var first = await client.AnswerAsync<VersionDetails>($"/api/statements/{id}/versions/1");
        Assert.Equal("First text.", first.Body);
        Assert.Equal("New title", (await client.StatementAsync(id)).Title);
    }

    [Fact]
    public async Task A_revision_based_on_an_old_version_is_refused_with_409_naming_the_latest()
    {
        var client = await factory.SignedInClientAsync();
        var id = (await client.CreateStatementAsync()).Id;
        await client.PutAsJsonAsync($"/api/statements/{id}/draft", new { title = "T", body = "Second.", baseVersion = 1 });

        var stale = await client.PutAsJsonAsync($"/api/statements/{id}/draft",
            new { title = "T", body = "Based on one.", baseVersion = 1 });

        var problem = await stale.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, problem["latestVersion"]!.GetValue<int>());
        Assert.Equal(2, (await (await client.GetAsync($"/api/statements/{id}/versions")).JsonArrayAsync()).Count);
    }

    [Fact]
    public async Task Two_editors_saving_on_the_same_version_at_once_one_wins_and_the_other_gets_409()
    {
        var client = await factory.SignedInClientAsync();
        var id = (await client.CreateStatementAsync()).Id;

        var saves = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            client.PutAsJsonAsync($"/api/statements/{id}/draft", new { title = "T", body = $"Edit {i}", baseVersion = 1 })));

        Assert.Single(saves, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Single(saves, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(2, (await (await client.GetAsync($"/api/statements/{id}/versions")).JsonArrayAsync()).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_title_is_refused_with_400_naming_the_title(string title)
    {
        var client = await factory.SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/statements", new { title, body = "x", language = "en" });
        await response.AssertFieldErrorAsync("title");
    }

    [Fact]
    public async Task An_overlong_title_is_refused_with_400()
    {
        var client = await factory.SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/statements", new { title = new string('a', 301), body = "x", language = "en" });
        await response.AssertFieldErrorAsync("title");
    }

    [Fact]
    public async Task A_body_over_200_KB_is_refused_with_400_naming_the_body()
    {
        var client = await factory.SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/statements",
            new { title = "Long", body = new string('é', 110 * 1024), language = "en" });
        await response.AssertFieldErrorAsync("body");
    }

    [Fact]
    public async Task A_request_over_the_size_limit_is_refused_with_413()
    {
        var client = await factory.SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/statements",
            new { title = "Huge", body = new string('x', 2 * 1024 * 1024), language = "en" });
        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Theory]
    [InlineData("{\"title\":")]
    [InlineData("{\"title\": 5, \"body\": \"x\", \"language\": \"en\"}")]
    [InlineData("not json at all")]
    public async Task Malformed_json_is_refused_with_a_400_problem(string json)
    {
        var client = await factory.SignedInClientAsync();
        var response = await client.PostAsync("/api/statements", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]);
    }

    [Fact]
    public async Task A_wrong_language_tag_is_refused_with_400_naming_the_language()
    {
        var client = await factory.SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/statements", new { title = "T", body = "x", language = "English!" });
        await response.AssertFieldErrorAsync("language");
    }

    [Fact]
    public async Task Anonymous_callers_get_401_on_every_drafting_route()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync()).Id;
        var anonymous = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/statements", new { title = "T", body = "x", language = "en" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/statements/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PutAsJsonAsync($"/api/statements/{id}/draft", new { title = "T", body = "x", baseVersion = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostEmptyAsync($"/api/statements/{id}/publish")).StatusCode);
    }

    [Fact]
    public async Task Someone_who_is_not_a_drafter_gets_403_for_editing_inviting_and_publishing()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync()).Id;
        var stranger = await factory.SignedInClientAsync();

        await (await stranger.GetAsync($"/api/statements/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PutAsJsonAsync($"/api/statements/{id}/draft", new { title = "Mine now", body = "x", baseVersion = 1 }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = "Intruders" }, email = "i@example.org" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostEmptyAsync($"/api/statements/{id}/open")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostEmptyAsync($"/api/statements/{id}/publish")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostEmptyAsync($"/api/statements/{id}/close")).AssertProblemAsync(HttpStatusCode.Forbidden);

        var unchanged = await drafter.StatementAsync(id);
        Assert.Equal("Draft", unchanged.State);
        Assert.Equal(1, unchanged.LatestVersion.Number);
    }

    [Fact]
    public async Task An_unknown_statement_is_404()
    {
        var client = await factory.SignedInClientAsync();
        await (await client.GetAsync($"/api/statements/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Once_withdrawn_the_text_is_frozen_and_a_statement_opens_only_once()
    {
        var client = await factory.SignedInClientAsync();
        var id = (await client.CreateStatementAsync()).Id;
        await client.OpenAsync(id);
        await (await client.PostEmptyAsync($"/api/statements/{id}/open")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await client.PostEmptyAsync($"/api/statements/{id}/withdraw")).StatusCode);

        var revise = await client.PutAsJsonAsync($"/api/statements/{id}/draft", new { title = "T", body = "Changed", baseVersion = 1 });
        await revise.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Statements_with_the_same_title_get_distinct_slugs()
    {
        var client = await factory.SignedInClientAsync();
        var first = await client.CreateStatementAsync(title: "Same title twice");
        var second = await client.CreateStatementAsync(title: "Same title twice");
        Assert.Equal("same-title-twice", first.Slug);
        Assert.Equal("same-title-twice-2", second.Slug);
    }

    [Fact]
    public async Task A_wished_slug_taken_by_someone_elses_hidden_draft_gives_another_slug_and_no_word_of_the_draft()
    {
        var wished = $"hidden-{Guid.NewGuid():N}"[..20];
        var owner = await factory.SignedInClientAsync();
        var hidden = await owner.PostAsJsonAsync("/api/statements",
            new { title = "Our secret plan", body = "Not for others.", language = "en", allowsFurtherSignatories = true, slug = wished });
        Assert.Equal(wished, (await hidden.ReadAsAsync<StatementDetails>()).Slug);

        var stranger = await factory.SignedInClientAsync();
        var response = await stranger.PostAsJsonAsync("/api/statements",
            new { title = "Something else", body = "Ours.", language = "en", allowsFurtherSignatories = true, slug = wished });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var slug = (await response.ReadAsAsync<StatementDetails>()).Slug;
        Assert.NotEqual(wished, slug);
        Assert.StartsWith(wished, slug);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("taken", text, StringComparison.OrdinalIgnoreCase);
        // The owner asking for it again is treated alike.
        var again = await owner.PostAsJsonAsync("/api/statements",
            new { title = "Our secret plan", body = "Again.", language = "en", allowsFurtherSignatories = true, slug = wished });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(slug, (await again.ReadAsAsync<StatementDetails>()).Slug);
    }
}

public sealed class DraftingInputTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Theory]
    [InlineData("{\"title\":\"T\",\"language\":\"en\"}", "body")]
    [InlineData("{\"title\":\"T\",\"body\":\"x\"}", "language")]
    [InlineData("{\"body\":\"x\",\"language\":\"en\"}", "title")]
    [InlineData("{\"title\":\"a\\n\\nb\",\"body\":\"c\",\"language\":\"en\"}", "title")]
    public async Task A_missing_or_malformed_field_is_a_400_naming_it_never_a_500(string json, string field)
    {
        var client = await factory.SignedInClientAsync();
        var response = await client.PostAsync("/api/statements", new StringContent(json, Encoding.UTF8, "application/json"));
        await response.AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task A_body_nested_too_deeply_to_render_is_refused_and_nothing_is_saved()
    {
        var client = await factory.SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/statements",
            new { title = "Deep", body = string.Concat(Enumerable.Repeat("> ", 150)) + "x", language = "en" });
        await response.AssertFieldErrorAsync("body");
        Assert.Empty(await (await client.GetAsync("/api/statements")).JsonArrayAsync());
    }
}
