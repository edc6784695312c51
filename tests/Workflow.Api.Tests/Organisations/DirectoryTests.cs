using System.Net;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Organisations;

public sealed class DirectoryTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task The_directory_finds_an_organisation_by_any_name_or_acronym_ignoring_accents_case_and_script()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Directory")).Id;
        await drafter.InviteAsync(id, "Партия Труда Ладоги", "Ladoga Labour Party", "ПТЛ", "RU", "ptl@example.org");
        await drafter.InviteAsync(id, "Union Prolétarienne de Nîmes", "Proletarian Union of Nimes", "UPN", "FR", "upn@example.org");

        foreach (var (q, expected) in new[] { ("partiya truda", "Партия Труда Ладоги"), ("LADOGA labour", "Партия Труда Ладоги"),
            ("proletarienne de nimes", "Union Prolétarienne de Nîmes"), ("upn", "Union Prolétarienne de Nîmes") })
        {
            var found = await (await drafter.GetAsync($"/api/organisations?q={Uri.EscapeDataString(q)}")).JsonArrayAsync();
            Assert.Contains(found, o => o.Str("name") == expected);
        }
        var inFrance = await (await drafter.GetAsync("/api/organisations?q=ladoga&country=FR")).JsonArrayAsync();
        Assert.Empty(inFrance);
        await (await drafter.GetAsync("/api/organisations?q=")).AssertFieldErrorAsync("query");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/organisations?q=union")).StatusCode);
    }

    [Fact]
    public async Task Inviting_an_organisation_under_another_spelling_or_script_matches_it_instead_of_creating_a_twin()
    {
        var drafter = await factory.SignedInClientAsync();
        var first = (await drafter.CreateStatementAsync(title: "Twins one")).Id;
        var second = (await drafter.CreateStatementAsync(title: "Twins two")).Id;
        var original = await drafter.InviteAsync(first, "Марксистско-ленинская партия Урала", null, "МЛПУ", "RU", "mlpu@example.org");

        var latin = await drafter.InviteAsync(second, "Marksistsko-leninskaya partiya Urala", "Marxist-Leninist Party of the Urals", "MLPU",
            "RU", "mlpu@example.org");

        Assert.Equal(original.Organisation.Id, latin.Organisation.Id);
        Assert.Equal("Marksistsko-leninskaya partiya Urala", latin.Organisation.Name); // shown as this drafter named it
        var twins = await factory.InDatabaseAsync(db => db.Organisations.CountAsync(o => o.Country == "RU" && o.NameKey.Contains("urala")));
        Assert.Equal(1, twins);
    }

    [Fact]
    public async Task Nobody_can_change_how_another_drafters_list_names_a_signatory_through_the_shared_directory()
    {
        // An attacker records a look-alike entry first...
        var attacker = await factory.SignedInClientAsync();
        var bait = (await attacker.CreateStatementAsync(title: "Bait")).Id;
        await attacker.InviteAsync(bait, "Attacker Front", "Partido Comunista del Sur", "FAKE", "PE", "fake@example.org");

        // ...then a drafter invites the real party, whose name meets the look-alike's English name.
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: "Real list");
        await drafter.OpenAsync(statement.Id);
        var token = (await drafter.InviteAsync(statement.Id, "Partido Comunista del Sur", "Southern Communist Party", "PCS", "PE",
            "pcs@example.org")).Token!;
        await factory.CreateClient().SignAsync(token);
        await drafter.PublishAsync(statement.Id);

        var list = await factory.CreateClient().SignatoriesAsync(statement.Slug);
        var shown = list.Signatories[0];
        Assert.Equal("Partido Comunista del Sur", shown.Name);
        Assert.Equal("Southern Communist Party", shown.NameEnglish);
        Assert.Equal("PCS", shown.Acronym);
        var text = await factory.CreateClient().GetStringAsync($"/statements/{statement.Slug}/signatories.txt");
        Assert.DoesNotContain("Attacker", text);
        Assert.DoesNotContain("FAKE", text);
    }
}
