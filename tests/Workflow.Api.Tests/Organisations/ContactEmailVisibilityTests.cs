using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Drafting;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Organisations;

/// <summary>The directory is shared by every account; an organisation's contact e-mails only by the drafters of statements that use
/// it.</summary>
public sealed class ContactEmailVisibilityTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private async Task<(string Id, string Name, string Contact)> AddOrganisationAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        var (name, contact) = ($"Frente Contacto {unique}", $"info@{unique}.example");
        var registrar = await factory.SignedInClientAsync();
        var added = await (await registrar.PostAsJsonAsync("/api/organisations",
            new { organisation = new { name, country = "PE" }, contactEmails = new[] { contact } })).JsonAsync();
        Assert.Equal([contact], added["contactEmails"]!.AsArray().Select(e => e!.GetValue<string>())); // the one who gave them sees them
        return (added.Str("id"), name, contact);
    }

    private static async Task<JsonNode?> SearchedContactsAsync(HttpClient client, string id, string name) =>
        (await (await client.GetAsync($"/api/organisations?q={Uri.EscapeDataString(name)}")).JsonArrayAsync())
            .Single(o => o.Str("id") == id)!["contactEmails"];

    private static async Task<JsonNode?> RecordContactsAsync(HttpClient client, string id) =>
        (await (await client.GetAsync($"/api/organisations/{id}")).JsonAsync())["organisation"]!["contactEmails"];

    private static async Task<bool> FoundByAddressAsync(HttpClient client, string id, string contact) =>
        (await (await client.GetAsync($"/api/organisations?q={Uri.EscapeDataString(contact)}")).JsonArrayAsync())
            .Any(o => o.Str("id") == id);

    [Fact]
    public async Task Any_account_finds_the_organisation_but_not_its_contact_emails_nor_finds_it_by_them()
    {
        var (id, name, contact) = await AddOrganisationAsync();
        var stranger = await factory.SignedInClientAsync();

        Assert.Null(await SearchedContactsAsync(stranger, id, name));
        Assert.Null(await RecordContactsAsync(stranger, id));
        Assert.False(await FoundByAddressAsync(stranger, id, contact));
        var matches = await (await stranger.GetAsync(
            $"/api/organisations/matches?name={Uri.EscapeDataString(name)}&country=PE")).Content.ReadAsStringAsync();
        Assert.Contains(id, matches);
        Assert.DoesNotContain(contact, matches);
    }

    [Fact]
    public async Task The_owners_and_editors_of_a_statement_that_invited_it_see_them_and_its_viewers_do_not()
    {
        var (id, name, contact) = await AddOrganisationAsync();
        var owner = await factory.SignedInClientAsync();
        var statement = (await owner.CreateStatementAsync(title: "Uses the organisation")).Id;
        Assert.Null(await SearchedContactsAsync(owner, id, name)); // not before it uses the organisation
        Assert.Equal(HttpStatusCode.Created, (await owner.PostAsJsonAsync($"/api/statements/{statement}/invitations",
            new { organisation = new { id, name }, email = $"campaign@{Guid.NewGuid():N}.example" })).StatusCode);
        var (editor, _) = await CoDrafting.AddMemberAsync(factory, owner, statement, "Editor");
        var (viewer, _) = await CoDrafting.AddMemberAsync(factory, owner, statement, "Viewer");
        var (commenter, _) = await CoDrafting.AddMemberAsync(factory, owner, statement, "Commenter");

        foreach (var drafter in new[] { owner, editor })
        {
            Assert.Equal([contact], (await SearchedContactsAsync(drafter, id, name))!.AsArray().Select(e => e!.GetValue<string>()));
            Assert.Equal([contact], (await RecordContactsAsync(drafter, id))!.AsArray().Select(e => e!.GetValue<string>()));
            Assert.True(await FoundByAddressAsync(drafter, id, contact));
        }
        foreach (var reader in new[] { viewer, commenter })
        {
            Assert.Null(await SearchedContactsAsync(reader, id, name));
            Assert.Null(await RecordContactsAsync(reader, id));
            Assert.False(await FoundByAddressAsync(reader, id, contact));
        }
    }

    [Fact]
    public async Task The_drafters_of_a_statement_it_signed_see_them()
    {
        var (id, name, contact) = await AddOrganisationAsync();
        var owner = await factory.SignedInClientAsync();
        var statement = (await owner.CreateStatementAsync(title: "Signed by the organisation")).Id;
        await owner.OpenAsync(statement);
        var recorded = await owner.PostAsJsonAsync($"/api/statements/{statement}/signatures",
            new { organisation = new { id, name }, signerName = "Rosa Huamán" });
        Assert.True(recorded.IsSuccessStatusCode, await recorded.Content.ReadAsStringAsync());

        Assert.Equal([contact], (await RecordContactsAsync(owner, id))!.AsArray().Select(e => e!.GetValue<string>()));
    }
}
