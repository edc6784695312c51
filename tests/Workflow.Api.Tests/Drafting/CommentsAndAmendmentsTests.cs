using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Drafting;

public sealed class CommentsAndAmendmentsTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private const string ThreeParagraphs = "We salute the people.\n\nWe condemn the repression.\n\nWe call for solidarity.";

    [Fact]
    public async Task Comments_anchor_to_a_paragraph_get_replies_and_are_resolved_by_their_author()
    {
        var owner = await factory.SignedInClientAsync();
        var id = (await owner.CreateStatementAsync(title: "Comments", body: ThreeParagraphs)).Id;
        var (commenter, commenterId) = await CoDrafting.AddMemberAsync(factory, owner, id, "Commenter");
        var (viewer, _) = await CoDrafting.AddMemberAsync(factory, owner, id, "Viewer");

        var thread = await (await commenter.PostAsJsonAsync($"/api/statements/{id}/comments",
            new { versionNumber = 1, paragraph = 2, body = "Too strong?" })).JsonAsync();
        Assert.Equal(2, thread["paragraph"]!.GetValue<int>());
        var reply = await owner.PostAsJsonAsync($"/api/statements/{id}/comments",
            new { parentId = thread.Str("id"), body = "No, keep it." });
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        Assert.Equal(2, (await reply.JsonAsync())["paragraph"]!.GetValue<int>());

        await (await viewer.PostAsJsonAsync($"/api/statements/{id}/comments", new { versionNumber = 1, paragraph = 1, body = "x" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await commenter.PostAsJsonAsync($"/api/statements/{id}/comments", new { versionNumber = 1, paragraph = 4, body = "x" }))
            .AssertFieldErrorAsync("paragraph");
        await (await commenter.PostAsJsonAsync($"/api/statements/{id}/comments",
            new { versionNumber = 1, paragraph = 1, body = new string('x', 5001) })).AssertFieldErrorAsync("body");
        await (await commenter.PostAsJsonAsync($"/api/statements/{id}/comments", new { paragraph = 1, body = "x" }))
            .AssertFieldErrorAsync("versionNumber");

        var resolved = await (await commenter.PostAsync($"/api/statements/{id}/comments/{thread.Str("id")}/resolve", null)).JsonAsync();
        Assert.NotNull(resolved["resolvedAt"]);
        var comments = await (await viewer.GetAsync($"/api/statements/{id}/comments?version=1")).JsonArrayAsync();
        Assert.Equal(2, comments.Count);
        Assert.Equal(commenterId, comments[0].Str("authorId"));
    }

    [Fact]
    public async Task An_amendment_is_accepted_where_its_paragraph_moved_and_a_stale_one_is_refused()
    {
        var owner = await factory.SignedInClientAsync();
        var id = (await owner.CreateStatementAsync(title: "Amendments", body: ThreeParagraphs)).Id;
        var (commenter, commenterId) = await CoDrafting.AddMemberAsync(factory, owner, id, "Commenter");
        var (editor, _) = await CoDrafting.AddMemberAsync(factory, owner, id, "Editor");

        var replaceThird = await (await commenter.PostAsJsonAsync($"/api/statements/{id}/amendments",
            new { baseVersion = 1, kind = "Replace", paragraph = 3, text = "We call for international solidarity.",
                rationale = "Say whose solidarity." })).JsonAsync();
        var deleteSecond = await (await commenter.PostAsJsonAsync($"/api/statements/{id}/amendments",
            new { baseVersion = 1, kind = "Delete", paragraph = 2, rationale = "Shorter." })).JsonAsync();
        await (await commenter.PostAsync($"/api/statements/{id}/amendments/{replaceThird.Str("id")}/accept", null))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await commenter.PostAsJsonAsync($"/api/statements/{id}/amendments",
            new { baseVersion = 1, kind = "Replace", paragraph = 3 })).AssertFieldErrorAsync("text");
        await (await commenter.PostAsJsonAsync($"/api/statements/{id}/amendments", new { baseVersion = 1, kind = "Delete", paragraph = 9 }))
            .AssertFieldErrorAsync("paragraph");
        await (await commenter.PostAsJsonAsync($"/api/statements/{id}/amendments",
            new { baseVersion = 1, kind = "Rewrite", paragraph = 1 })).AssertFieldErrorAsync("kind");

        // The editor adds a paragraph at the start and rewrites the second: the third moves to fourth place.
        Assert.Equal(HttpStatusCode.Created, (await editor.PutAsJsonAsync($"/api/statements/{id}/draft", new
        {
            title = "Amendments", baseVersion = 1,
            body = "Peru is in struggle.\n\nWe salute the people.\n\nWe condemn the brutal repression.\n\nWe call for solidarity.",
        })).StatusCode);

        var amendments = await (await owner.GetAsync($"/api/statements/{id}/amendments")).JsonArrayAsync();
        var third = amendments.Single(a => a.Str("id") == replaceThird.Str("id"))!;
        Assert.False(third["stale"]!.GetValue<bool>());
        Assert.Equal(4, third["currentParagraph"]!.GetValue<int>());
        Assert.True(amendments.Single(a => a.Str("id") == deleteSecond.Str("id"))!["stale"]!.GetValue<bool>());

        var accepted = await (await editor.PostAsync($"/api/statements/{id}/amendments/{replaceThird.Str("id")}/accept", null)).JsonAsync();
        Assert.Equal("Accepted", accepted.Str("state"));
        Assert.Equal(3, accepted["resultingVersionNumber"]!.GetValue<int>());
        var v3 = await (await owner.GetAsync($"/api/statements/{id}/versions/3")).JsonAsync();
        Assert.Equal(
            "Peru is in struggle.\n\nWe salute the people.\n\nWe condemn the brutal repression.\n\nWe call for international solidarity.",
            v3.Str("body"));
        Assert.Equal(commenterId, v3.Str("creditedTo"));
        await (await editor.PostAsync($"/api/statements/{id}/amendments/{replaceThird.Str("id")}/accept", null))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        await (await owner.PostAsync($"/api/statements/{id}/amendments/{deleteSecond.Str("id")}/accept", null))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        var rejected = await (await owner.PostAsJsonAsync($"/api/statements/{id}/amendments/{deleteSecond.Str("id")}/reject",
            new { reason = "The paragraph was rewritten." })).JsonAsync();
        Assert.Equal("Rejected", rejected.Str("state"));
        Assert.Equal(3, (await (await owner.GetAsync($"/api/statements/{id}/versions")).JsonArrayAsync()).Count);
        var audit = await Eventually.ReturnsAsync(async () => await (await owner.GetAsync($"/api/statements/{id}/audit")).JsonArrayAsync(),
            e => e.Any(x => x.Str("eventType") == "AmendmentRejected"), "the decisions are in the audit log");
        Assert.Equal(2, audit.Count(e => e.Str("eventType") == "AmendmentProposed"));
        Assert.Contains(audit, e => e.Str("eventType") == "AmendmentAccepted");
    }
}
