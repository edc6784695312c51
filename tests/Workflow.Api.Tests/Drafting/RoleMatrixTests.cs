using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Drafting;

/// <summary>Every role against every kind of action on a statement: who may read, comment, edit and run it.</summary>
public sealed class RoleMatrixTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static readonly string[] Roles = ["Stranger", "Viewer", "Commenter", "Editor", "Owner"];

    [Fact]
    public async Task Each_action_is_allowed_from_its_role_upward_and_refused_with_403_below()
    {
        var owner = await factory.SignedInClientAsync();
        var id = (await owner.CreateStatementAsync(title: "Matrix", body: "First.\n\nSecond.")).Id;
        var clients = new Dictionary<string, HttpClient>
        {
            ["Stranger"] = await factory.SignedInClientAsync(),
            ["Viewer"] = (await CoDrafting.AddMemberAsync(factory, owner, id, "Viewer")).Client,
            ["Commenter"] = (await CoDrafting.AddMemberAsync(factory, owner, id, "Commenter")).Client,
            ["Editor"] = (await CoDrafting.AddMemberAsync(factory, owner, id, "Editor")).Client,
            ["Owner"] = owner,
        };
        async Task<int> LatestAsync() => (await owner.StatementAsync(id)).LatestVersion.Number;
        async Task<int?> LatestSpanishAsync()
        {
            var list = await (await owner.GetAsync($"/api/statements/{id}/translations")).JsonArrayAsync();
            return list.FirstOrDefault(t => t.Str("language") == "es")?["latestNumber"]!.GetValue<int>();
        }

        var actions = new (string Name, string MinimumRole, Func<HttpClient, Task<HttpResponseMessage>> Act)[]
        {
            ("read the statement", "Viewer", c => c.GetAsync($"/api/statements/{id}")),
            ("list versions", "Viewer", c => c.GetAsync($"/api/statements/{id}/versions")),
            ("compare versions", "Viewer", c => c.GetAsync($"/api/statements/{id}/diff?from=1&to=1")),
            ("read comments", "Viewer", c => c.GetAsync($"/api/statements/{id}/comments")),
            ("read amendments", "Viewer", c => c.GetAsync($"/api/statements/{id}/amendments")),
            ("read translations", "Viewer", c => c.GetAsync($"/api/statements/{id}/translations")),
            ("read members", "Viewer", c => c.GetAsync($"/api/statements/{id}/members")),
            ("read the audit log", "Editor", c => c.GetAsync($"/api/statements/{id}/audit")),
            ("read the moderation queue", "Editor", c => c.GetAsync($"/api/statements/{id}/sign-ons")),
            ("read the campaign", "Viewer", c => c.GetAsync($"/api/statements/{id}/campaign")),
            ("read signatures", "Viewer", c => c.GetAsync($"/api/statements/{id}/signatures")),
            ("comment", "Commenter", c => c.PostAsJsonAsync($"/api/statements/{id}/comments",
                new { versionNumber = 1, paragraph = 1, body = "Hm." })),
            ("propose an amendment", "Commenter", c => c.PostAsJsonAsync($"/api/statements/{id}/amendments",
                new { baseVersion = 1, kind = "Delete", paragraph = 2 })),
            ("edit the text", "Editor", async c => await c.PutAsJsonAsync($"/api/statements/{id}/draft",
                new { title = "Matrix", body = $"First {Guid.NewGuid():N}.\n\nSecond.", baseVersion = await LatestAsync() })),
            ("restore a version", "Editor", async c => await c.PostAsJsonAsync($"/api/statements/{id}/versions/1/restore",
                new { baseVersion = await LatestAsync() })),
            ("translate", "Editor", async c => await c.PutAsJsonAsync($"/api/statements/{id}/translations/es",
                new { title = "Matriz", body = "Primero.", translatesVersion = 1, baseNumber = await LatestSpanishAsync() })),
            ("invite a co-drafter", "Owner", c => c.PostAsJsonAsync($"/api/statements/{id}/members/invitations",
                new { email = $"x-{Guid.NewGuid():N}@example.org", role = "Viewer" })),
            ("invite an organisation", "Owner", c => c.PostAsJsonAsync($"/api/statements/{id}/invitations",
                new { organisation = new { name = $"Org {Guid.NewGuid():N}", country = "PE" }, email = "org@example.org" })),
            ("set the deadline", "Owner", c => c.PutAsJsonAsync($"/api/statements/{id}/deadline",
                new { deadline = DateTimeOffset.UtcNow.AddDays(30) })),
            ("switch open sign-on", "Owner", c => c.PutAsJsonAsync($"/api/statements/{id}/open-sign-on", new { enabled = false })),
            ("name the initiators", "Owner", c => c.PutAsJsonAsync($"/api/statements/{id}/initiators",
                new { organisations = Array.Empty<object>() })),
            // For an owner these are refused for the draft's state or an unknown id, never for the role.
            ("publish", "Owner", c => c.PostAsync($"/api/statements/{id}/publish", null)),
            ("close", "Owner", c => c.PostAsync($"/api/statements/{id}/close", null)),
            ("record a signature", "Owner", c => c.PostAsJsonAsync($"/api/statements/{id}/signatures",
                new { organisation = new { name = "Somebody" } })),
            ("revoke an invitation", "Owner", c => c.PostAsync($"/api/statements/{id}/invitations/{Guid.NewGuid()}/revoke", null)),
            ("moderate a sign-on", "Owner", c => c.PostAsync($"/api/statements/{id}/sign-ons/{Guid.NewGuid()}/approve", null)),
            ("accept an amendment", "Editor", c => c.PostAsync($"/api/statements/{id}/amendments/{Guid.NewGuid()}/accept", null)),
        };

        var failures = new List<string>();
        foreach (var (name, minimum, act) in actions)
        {
            foreach (var role in Roles)
            {
                var allowed = Array.IndexOf(Roles, role) >= Array.IndexOf(Roles, minimum);
                var response = await act(clients[role]);
                var ok = allowed
                    ? response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) && (int)response.StatusCode < 500
                    : response.StatusCode == HttpStatusCode.Forbidden;
                if (!ok) failures.Add($"{role} → {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
