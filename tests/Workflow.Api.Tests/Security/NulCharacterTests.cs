using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Security;

/// <summary>U+0000 cannot be stored by PostgreSQL: refused wherever it comes in, with 400 naming the field, on every provider.</summary>
public sealed class NulCharacterTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task A_nul_character_in_json_a_query_a_form_or_a_csv_cell_is_400_naming_the_field_and_stores_nothing()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Nul")).Id;

        var json = await drafter.PostAsJsonAsync("/api/statements",
            new { title = "Bad\0title", body = "Text.", language = "en", allowsFurtherSignatories = true });
        await json.AssertFieldErrorAsync("title");
        var query = await drafter.GetAsync("/api/organisations?q=%00frente");
        await query.AssertFieldErrorAsync("q");
        var identity = await factory.CreateClient().PostAsJsonAsync("/api/auth/resendConfirmationEmail", new { email = "\0" });
        await identity.AssertFieldErrorAsync("email");

        var browser = PageBrowser.Open(factory);
        var form = await browser.SubmitAsync("/account/register",
            new Dictionary<string, string> { ["Email"] = "a\0@example.org", ["Password"] = ApiClient.Password });
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);

        var csv = await drafter.PostAsync($"/api/statements/{id}/invitations/bulk",
            new StringContent("name,email\nFrente\0Amplio,fa@example.org\n", Encoding.UTF8, "text/csv"));
        // A bulk import reports each row: this one is rejected, naming the field (U+0000 is a control character, which no name may hold).
        var report = await csv.JsonAsync();
        Assert.Equal(1, report["rejected"]!.GetValue<int>());
        Assert.Contains("control characters", report["rows"]![0]!["errors"]!["organisation.name"]![0]!.GetValue<string>());

        Assert.False(await factory.InDatabaseAsync(db => db.Statements.AnyAsync(s => s.Title.StartsWith("Bad"))));
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.Invitations.CountAsync(r => r.StatementId == id)));
    }
}
