using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Workflow.Core.Organisations;

namespace Workflow.Api.Tests.Organisations;

/// <summary>Names written with invisible or look-alike characters meet the name they imitate (issue "Proof that holds against everyone",
/// 6).</summary>
public sealed class LookAlikeNameTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Theory]
    [InlineData("Commu\U000E0041\U000E007Fnist Party of Ireland")] // tag characters inside
    [InlineData("Com\u200Bmunist Party of Ire\u2060land")] // zero-width space, word joiner
    [InlineData("Communist Party of IreIand")] // capital I for small l
    [InlineData("Соmmunist Раrty of Ireland")] // Cyrillic С, о, Р, а
    public async Task The_directory_finds_a_party_by_a_name_with_invisible_or_look_alike_characters(string lookAlike)
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Look-alikes")).Id;
        await drafter.InviteAsync(id, "Communist Party of Ireland", null, "CPI", "IE", "cpi@example.org");

        var found = await (await drafter.GetAsync($"/api/organisations?q={Uri.EscapeDataString(lookAlike)}")).JsonArrayAsync();
        Assert.Contains(found, o => o.Str("name") == "Communist Party of Ireland");
    }

    [Fact]
    public async Task Inviting_a_look_alike_of_an_organisation_matches_it_instead_of_creating_a_twin()
    {
        var drafter = await factory.SignedInClientAsync();
        var first = (await drafter.CreateStatementAsync(title: "Original")).Id;
        var second = (await drafter.CreateStatementAsync(title: "Look-alike")).Id;
        var original = await drafter.InviteAsync(first, "Socialist Labour League", null, "SLL", "IE", "sll@example.org");

        var capitalI = await drafter.InviteAsync(second, "SociaIist Labour League", null, null, "IE", "sll@example.org");
        Assert.Equal(original.Organisation.Id, capitalI.Organisation.Id);
        // Invisible characters cannot even enter a name: the tagged twin is refused, naming the field.
        var tagged =
            await drafter.PostAsJsonAsync($"/api/statements/{(await drafter.CreateStatementAsync(title: "Tagged")).Id}/invitations",
            new { organisation = new { name = "Socialist Lab\U000E0020our League", country = "IE" }, email = "sll@example.org" });
        await tagged.AssertFieldErrorAsync("organisation.name");
    }

    [Fact]
    public async Task Keys_made_by_an_older_recipe_are_made_again_at_start_up()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Old keys")).Id;
        var invited = await drafter.InviteAsync(id, "Workers Party of Ireland", null, "WPI", "IE", "wpi@example.org");
        var organisationId = invited.Organisation.Id;
        // As an older version left the row: its keys made without skeletons.
        await factory.InDatabaseAsync(db => db.Organisations.Where(o => o.Id == organisationId).ExecuteUpdateAsync(row => row
            .SetProperty(o => o.NameSkeleton, "").SetProperty(o => o.AcronymSkeleton, "").SetProperty(o => o.KeysVersion, 1)));

        var refreshed = await factory.InDatabaseAsync(db => db.RefreshStaleAsync(CancellationToken.None));

        Assert.True(refreshed >= 1);
        var row = await factory.InDatabaseAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId));
        Assert.Equal(NameKey.Version, row.KeysVersion);
        Assert.Equal(NameKey.SkeletonOf("Workers Party of Ireland"), row.NameSkeleton);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.RefreshStaleAsync(CancellationToken.None)));
    }
}
