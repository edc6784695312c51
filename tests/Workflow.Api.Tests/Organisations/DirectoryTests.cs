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
        var id = (await drafter.CreateStatementAsync(title: "Directory")).Str("id");
        await drafter.InviteAsync(id, "Партия Труда Ладоги", "Ladoga Labour Party", "ПТЛ", "RU", "ptl@example.org");
        await drafter.InviteAsync(id, "Union Prolétarienne de Nîmes", "Proletarian Union of Nimes", "UPN", "FR", "upn@example.org");

        foreach (var (q, expected) in new[] { ("partiya truda", "Партия Труда Ладоги"), ("LADOGA labour", "Партия Труда Ладоги"), ("proletarienne de nimes", "Union Prolétarienne de Nîmes"), ("upn", "Union Prolétarienne de Nîmes") })
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
        var first = (await drafter.CreateStatementAsync(title: "Twins one")).Str("id");
        var second = (await drafter.CreateStatementAsync(title: "Twins two")).Str("id");
        var original = await drafter.InviteAsync(first, "Марксистско-ленинская партия Урала", null, "МЛПУ", "RU", "mlpu@example.org");

        var latin = await drafter.InviteAsync(second, "Marksistsko-leninskaya partiya Urala", "Marxist-Leninist Party of the Urals", "MLPU", "RU", "mlpu@example.org");

        Assert.Equal(original["organisation"].Str("id"), latin["organisation"].Str("id"));
        Assert.Equal("Марксистско-ленинская партия Урала", latin["organisation"].Str("name"));
        var twins = await factory.InDatabaseAsync(db => db.Organisations.CountAsync(o => o.Country == "RU" && o.NameKey.Contains("urala")));
        Assert.Equal(1, twins);
    }
}
