using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;
using Workflow.Core.Statements;

namespace Workflow.Api.Tests.Drafting;

public sealed class CoDrafterTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task An_owner_invites_a_co_drafter_by_email_who_joins_with_an_account_of_their_own()
    {
        var owner = await factory.SignedInClientAsync();
        var id = (await owner.CreateStatementAsync(title: "Together")).Id;
        var email = $"editor-{Guid.NewGuid():N}@example.org";

        var invited = await owner.PostAsJsonAsync($"/api/statements/{id}/members/invitations", new { email, role = "Editor" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        Assert.DoesNotContain("token", await invited.Content.ReadAsStringAsync()); // the link goes by e-mail only

        var link = await CoDrafting.LinkFromMailAsync(factory, email);
        var anonymous = factory.CreateClient();
        var offer = await (await anonymous.GetAsync(link)).JsonAsync();
        Assert.Equal("Editor", offer.Str("role"));
        Assert.Equal("Pending", offer.Str("status"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{link}/accept", null)).StatusCode);

        var editor = await factory.SignedInClientAsync(email);
        var accepted = await (await editor.PostAsync($"{link}/accept", null)).JsonAsync();
        Assert.Equal("Accepted", accepted.Str("status"));
        await (await editor.PostAsync($"{link}/accept", null)).AssertProblemAsync(HttpStatusCode.Conflict);

        var members = await (await editor.GetAsync($"/api/statements/{id}/members")).JsonAsync();
        Assert.Contains(members["members"]!.AsArray(), m => m.Str("email") == email && m.Str("role") == "Editor");
        Assert.Contains(await editor.AnswerAsync<IReadOnlyList<StatementSummary>>("/api/statements"), s => s.Id == id);
        var audit = await Eventually.ReturnsAsync(async () => await (await owner.GetAsync($"/api/statements/{id}/audit")).JsonArrayAsync(),
            entries => entries.Any(e => e.Str("eventType") == "CollaboratorAdded"), "the audit log records the new member");
        Assert.Contains(audit, e => e.Str("eventType") == "CollaboratorInvited");
        Assert.DoesNotContain(audit, e => e.Str("payload").Contains(link[(link.LastIndexOf('/') + 1)..]));
    }

    [Fact]
    public async Task Roles_change_and_members_leave_but_a_statement_always_keeps_an_owner()
    {
        var owner = await factory.SignedInClientAsync();
        var id = (await owner.CreateStatementAsync(title: "Owners")).Id;
        var (editor, editorId) = await CoDrafting.AddMemberAsync(factory, owner, id, "Editor");
        var ownerId = (await (await owner.GetAsync($"/api/statements/{id}/members")).JsonAsync())["members"]!.AsArray()
            .Single(m => m.Str("role") == "Owner").Str("userId");

        await (await owner.DeleteAsync($"/api/statements/{id}/members/{ownerId}")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await owner.PutAsJsonAsync($"/api/statements/{id}/members/{ownerId}", new { role = "Editor" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await editor.PutAsJsonAsync($"/api/statements/{id}/members/{editorId}", new { role = "Owner" }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await owner.PutAsJsonAsync($"/api/statements/{id}/members/{editorId}", new { role = "Chief" }))
            .AssertFieldErrorAsync("role");

        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsJsonAsync($"/api/statements/{id}/members/{editorId}",
            new { role = "Owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/statements/{id}/members/{ownerId}")).StatusCode); // leaves
        await (await owner.GetAsync($"/api/statements/{id}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var members = await (await editor.GetAsync($"/api/statements/{id}/members")).JsonAsync();
        Assert.Equal(["Owner"], members["members"]!.AsArray().Select(m => m.Str("role")));
        await (await editor.DeleteAsync($"/api/statements/{id}/members/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>Steps shared by the co-drafting tests.</summary>
public static class CoDrafting
{
    public static Task<string> LinkFromMailAsync(WorkflowApiFactory factory, string email)
        => factory.ApiLinkFromMailAsync(email, "/join", "/api/collaborations");

    /// <summary>Invites a new account with this role and accepts for it; returns its client and user id.</summary>
    public static async Task<(HttpClient Client, string UserId)> AddMemberAsync(WorkflowApiFactory factory, HttpClient owner,
        Guid statementId, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"/api/statements/{statementId}/members/invitations",
            new { email, role })).StatusCode);
        var link = await LinkFromMailAsync(factory, email);
        var member = await factory.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsync($"{link}/accept", null)).StatusCode);
        var members = await (await owner.GetAsync($"/api/statements/{statementId}/members")).JsonAsync();
        return (member, members["members"]!.AsArray().Single(m => m.Str("email") == email).Str("userId"));
    }
}
