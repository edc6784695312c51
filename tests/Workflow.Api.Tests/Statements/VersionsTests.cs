using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;
using Workflow.Core.Statements;
using Workflow.Core.Endorsements;

namespace Workflow.Api.Tests.Statements;

public sealed class VersionsTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid id, string body, int baseVersion, string? changeNote = null,
        string title = "Solidarity") =>
        client.PutAsJsonAsync($"/api/statements/{id}/draft", new { title, body, baseVersion, changeNote });

    [Fact]
    public async Task Versions_keep_their_change_notes_an_old_one_is_restored_as_a_new_version_and_any_two_are_compared_word_by_word()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Solidarity", body: "We salute the mobilisations of the people.")).Id;
        Assert.Equal(HttpStatusCode.Created,
            (await SaveAsync(drafter, id, "We salute the heroic mobilisations of the <b>people</b>.", 1, "Stronger wording")).StatusCode);

        var diff = await (await drafter.GetAsync($"/api/statements/{id}/diff?from=1&to=2")).JsonAsync();
        var runs = diff["runs"]!.AsArray().Select(r => (Kind: r.Str("kind"), Text: r.Str("text"))).ToList();
        Assert.Contains(runs, r => r.Kind == "inserted" && r.Text.Contains("heroic"));
        Assert.Equal("Solidarity\n\nWe salute the mobilisations of the people.",
            string.Concat(runs.Where(r => r.Kind != "inserted").Select(r => r.Text)));
        Assert.Equal("Solidarity\n\nWe salute the heroic mobilisations of the <b>people</b>.",
            string.Concat(runs.Where(r => r.Kind != "deleted").Select(r => r.Text)));
        Assert.Contains("&lt;b&gt;", diff.Str("html"));
        Assert.DoesNotContain("<b>", diff.Str("html"));
        Assert.Contains("<ins>", diff.Str("html"));

        var restored = await drafter.PostAsJsonAsync($"/api/statements/{id}/versions/1/restore", new { baseVersion = 2 });
        Assert.Equal(HttpStatusCode.Created, restored.StatusCode);
        var three = await restored.ReadAsAsync<VersionDetails>();
        Assert.Equal(3, three.Number);
        Assert.Equal(1, three.RestoredFrom);
        var versions = await drafter.AnswerAsync<IReadOnlyList<VersionSummary>>($"/api/statements/{id}/versions");
        Assert.Equal(versions[0].TextHash, versions[2].TextHash);
        Assert.Equal("Stronger wording", versions[1].ChangeNote);
        await (await drafter.GetAsync($"/api/statements/{id}/diff?from=1&to=9")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await drafter.PostAsJsonAsync($"/api/statements/{id}/versions/9/restore", new { baseVersion = 3 }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await SaveAsync(drafter, id, "x", 3, new string('n', 501))).AssertFieldErrorAsync("changeNote");
        var audit = await Eventually.ReturnsAsync(async () => await (await drafter.GetAsync($"/api/statements/{id}/audit"))
            .JsonArrayAsync(),
            e => e.Any(x => x.Str("eventType") == "VersionRestored"), "the restore is in the audit log");
        Assert.Contains(audit, e => e.Str("eventType") == "DraftRevised");
    }

    [Fact]
    public async Task Two_editors_saving_at_once_one_wins_and_the_other_gets_409_with_the_diff_to_merge()
    {
        var owner = await factory.SignedInClientAsync();
        var id = (await owner.CreateStatementAsync(title: "Solidarity", body: "First paragraph.\n\nSecond paragraph.")).Id;
        var (editor, _) = await Drafting.CoDrafting.AddMemberAsync(factory, owner, id, "Editor");

        var both = await Task.WhenAll(
            SaveAsync(owner, id, "First paragraph, amended by the owner.\n\nSecond paragraph.", 1),
            SaveAsync(editor, id, "First paragraph.\n\nSecond paragraph, amended by the editor.", 1));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Created);
        var loser = both.Single(r => r.StatusCode != HttpStatusCode.Created);
        var problem = await loser.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, problem["latestVersion"]!.GetValue<int>());
        var diff = problem["diff"]!;
        Assert.Equal(1, diff["from"]!.GetValue<int>());
        Assert.Equal(2, diff["to"]!.GetValue<int>());
        Assert.Contains(diff["runs"]!.AsArray(), r => r.Str("kind") == "inserted" && r.Str("text").Contains("amended by the"));
        Assert.Equal(2, (await (await owner.GetAsync($"/api/statements/{id}/versions")).JsonArrayAsync()).Count);
    }

    [Fact]
    public async Task After_signatures_a_change_asks_every_signatory_to_reconfirm_and_the_list_counts_only_confirmed_signatures()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Solidarity", body: "We call for solidarity.");
        var (id, slug) = (statement.Id, statement.Slug);
        await drafter.OpenAsync(id);
        var invited = await drafter.InviteAsync(id, "Partido Comunista del Ecuador", null, "PCE", "EC", "pce@example.org");
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(invited.Token!)).StatusCode);
        var recorded = await (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = "Rode Morgen", country = "NL" }, signerName = "J. de Vries" })).ReceiptAsync();
        await drafter.PublishAsync(id);

        var saved = await SaveAsync(drafter, id, "We call for solidarity with the people.", 1, "Names the people");
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var newHash = (await saved.ReadAsAsync<VersionDetails>()).TextHash;

        var list = await factory.CreateClient().SignatoriesAsync(slug);
        Assert.Empty(list.Signatories); // both signed the old text
        Assert.Equal(2, list.VersionNumber);

        // The invited signatory gets a fresh link (the old one, its receipt, still leads to the invitation), reads the new text and
        // confirms it.
        var link = await factory.ApiLinkFromMailAsync("pce@example.org", "/sign", "/api/invitations",
            subjectStart: "The text you signed has changed");
        var signatory = factory.CreateClient();
        Assert.True((await signatory.InvitationAsync(invited.Token!)).Receipt!.NeedsReconfirmation);
        var view = await signatory.AnswerAsync<InvitationView>(link);
        Assert.Equal(newHash, view.Version.TextHash);
        Assert.True(view.Receipt!.NeedsReconfirmation);
        await (await signatory.PostAsJsonAsync($"{link}/reconfirm", new { textHash = new string('0', 64) }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var reconfirmed = await (await signatory.PostAsJsonAsync($"{link}/reconfirm", new { textHash = newHash })).ReceiptAsync();
        Assert.Equal(2, reconfirmed.ConfirmedVersionNumber);
        Assert.Equal(1, reconfirmed.VersionNumber); // who signed which version stays

        // The signature a drafter recorded is confirmed by an owner, on the signatory's word.
        Assert.Equal(HttpStatusCode.OK, (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures/{recorded.SignatureId}/reconfirm",
            new { textHash = newHash })).StatusCode);

        // The list read above was cached; the reconfirmations' events evict it.
        list = await Eventually.ReturnsAsync(async () => await factory.CreateClient().SignatoriesAsync(slug),
            l => l.Signatories.Count == 2, "both confirmed signatures are on the list");
        Assert.Equal([1, 2], list.Signatories.Select(s => s.Number));
        Assert.All(list.Signatories, s => Assert.Equal(1, s.SignedVersion));
        var audit = await Eventually.ReturnsAsync(async () => await (await drafter.GetAsync($"/api/statements/{id}/audit"))
            .JsonArrayAsync(),
            e => e.Count(x => x.Str("eventType") == "SignatureReconfirmed") == 2, "both reconfirmations are in the audit log");
        Assert.Equal(2, audit.Count(e => e.Str("eventType") == "ReconfirmationRequested"));
        Assert.Contains(audit, e => e.Str("eventType") == "SignableTextChanged");
        Assert.DoesNotContain(audit, e => e.Str("payload").Contains(link[(link.LastIndexOf('/') + 1)..]));
    }

    [Fact]
    public async Task Comparing_two_unrelated_texts_of_nearly_200_KB_answers_promptly_on_the_page_API_and_in_the_409_of_a_stale_save()
    {
        static string Prose(int seed)
        {
            var random = new Random(seed);
            string[] syllables = ["so", "li", "da", "ri", "dad", "pue", "blo", "lu", "cha", "tra", "ba", "jo", "mo", "vi", "paz", "pan"];
            var text = new System.Text.StringBuilder();
            while (text.Length < 190_000)
            {
                for (var w = random.Next(40, 90); w > 0; w--)
                    text.Append(string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => syllables[random.Next(syllables.Length)])))
                        .Append(' ');
                text.Append("fin.\n\n");
            }
            return text.ToString().TrimEnd();
        }
        var (first, second) = (Prose(1), Prose(2));
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Long", body: first)).Id;
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(drafter, id, second, 1, title: "Long")).StatusCode);

        // Before the diff was bounded, each of these took about 25 s of CPU; now tens of milliseconds. CPU time, not the clock: on a
        // loaded machine the clock measures the other work (the process's CPU includes the test class running beside this one).
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var stale = await (await SaveAsync(drafter, id, first + " Again.", 1, title: "Long")).AssertProblemAsync(HttpStatusCode.Conflict);
        var compared = await (await drafter.GetAsync($"/api/statements/{id}/diff?from=1&to=2")).JsonAsync();
        var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Assert.True(used < TimeSpan.FromSeconds(20), $"the two diffs used {used.TotalSeconds:N1} s of CPU");

        foreach (var diff in new[] { stale["diff"]!, compared })
        {
            var runs = diff["runs"]!.AsArray().Select(r => (Kind: r.Str("kind"), Text: r.Str("text"))).ToList();
            Assert.Equal($"Long\n\n{first}", string.Concat(runs.Where(r => r.Kind != "inserted").Select(r => r.Text)));
            Assert.Equal($"Long\n\n{second}", string.Concat(runs.Where(r => r.Kind != "deleted").Select(r => r.Text)));
        }
    }
}
