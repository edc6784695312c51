using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Statements;

public sealed class InitiatorTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task The_initiators_sign_first_and_are_listed_first()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Initiated");
        var (id, slug) = (statement.Id, statement.Slug);
        var initiators = await (await drafter.PutAsJsonAsync($"/api/statements/{id}/initiators",
            new { organisations = new[] { new { name = "Partido Comunista Peruano", nameEnglish = "Peruvian Communist Party",
                acronym = "PCP", country = "PE" } } })).JsonArrayAsync();
        Assert.Equal("Partido Comunista Peruano", initiators.Single().Str("name"));
        await drafter.OpenAsync(id);
        var other = (await drafter.InviteAsync(id, "Communist Party of Great Britain (Marxist-Leninist)", null, "CPGB-ML", "GB",
            "cpgbml@example.org")).Token!;
        var initiator = (await drafter.InviteAsync(id)).Token!;

        await (await factory.CreateClient().SignAsync(other)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(initiator)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(other)).StatusCode);
        await (await drafter.PutAsJsonAsync($"/api/statements/{id}/initiators", new { organisations = Array.Empty<object>() }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await drafter.PublishAsync(id);

        var list = await factory.CreateClient().SignatoriesAsync(slug);
        var first = list.Signatories[0];
        Assert.Equal("Partido Comunista Peruano", first.Name);
        Assert.True(first.Initiator);
        var text = await factory.CreateClient().GetStringAsync($"/statements/{slug}/signatories.txt");
        Assert.Contains("Initiated by: PCP Partido Comunista Peruano (Peruvian Communist Party), Peru", text);
        var published = await factory.CreateClient().PublishedStatementAsync(slug);
        Assert.Equal(["Partido Comunista Peruano"], published.InitiatedBy);
    }
}
