using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Workflow.Core.Endorsements;

namespace Workflow.Api.Tests.Endorsements;

public sealed class BulkInviteTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task A_row_that_only_looks_like_a_known_organisation_is_rejected_with_the_match_and_a_row_naming_its_id_uses_it()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Bulk look-alikes")).Id;
        var acronym = "K" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var known = await (await drafter.PostAsJsonAsync("/api/organisations",
            new { organisation = new { name = "Kommunistische Arbeiterpartei", acronym, country = "AT",
                website = "https://kap.example.at" } })).JsonAsync();

        var response = await drafter.PostAsync($"/api/statements/{id}/invitations/bulk", Csv(
            "name,acronym,country,website,email,organisationId\n" +
            $"KAP Österreich,{acronym},AT,,a@example.org,\n" +
            $"Kommunisten,,AT,http://www.kap.example.at/,b@example.org,\n" +
            $",,,,c@example.org,{known.Str("id")}\n" +
            $"Someone,,AT,,d@example.org,not-a-guid\n"));

        var report = await response.ReadAsAsync<BulkInviteReport>();
        var rows = report.Rows;
        var knownId = Guid.Parse(known.Str("id"));
        Assert.Equal(["Rejected", "Rejected", "Matched", "Rejected"], rows.Select(r => r.Outcome));
        Assert.All(rows.Take(2), r => Assert.Equal(knownId, r.Matches![0].Organisation.Id));
        Assert.Contains("organisation", rows[0].Errors!.Select(e => e.Key));
        Assert.Equal(knownId, rows[2].OrganisationId);
        Assert.Contains("organisationId", rows[3].Errors!.Select(e => e.Key));
        Assert.Equal(1, await factory.InDatabaseAsync(db => db.Invitations.CountAsync(r => r.StatementId == id)));
    }

    [Fact]
    public async Task A_file_of_500_rows_with_20_bad_ones_invites_the_good_and_reports_each_bad_row_leaving_nothing_of_it()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Bulk")).Id;
        await drafter.OpenAsync(id);
        var known = await drafter.CreateStatementAsync(title: "Earlier campaign");
        await drafter.InviteAsync(known.Id, "Rode Morgen", "Red Dawn", "RM", "NL", "rm@example.org"); // already in the directory

        // Every 25th row is bad, in one of four ways; row 260 names an organisation already in the directory.
        var csv = new StringBuilder("name,nameEnglish,acronym,country,email\n");
        var bad = new List<int>();
        for (var i = 1; i <= 500; i++)
        {
            var line = $"\"Party {i}, of Peru\",\"Partido {i}\",P{i},PE,p{i}@example.org";
            if (i % 25 == 0)
            {
                bad.Add(i);
                line = (i / 25 % 4) switch
                {
                    0 => ",,X,PE,nobody@example.org",                                   // no name
                    1 => $"Party {i},,P{i},Peru,p{i}@example.org",                      // not a country code
                    2 => $"Party {i},,P{i},PE,not-an-address",                          // bad e-mail
                    _ => $"\"Party {i - 1}, of Peru\",,P{i - 1},PE,again{i}@example.org", // invited earlier in this file
                };
            }
            if (i == 260) line = "Rode Morgen,Red Dawn,RM,NL,rm@example.org";
            csv.Append(line).Append('\n');
        }

        var response = await drafter.PostAsync($"/api/statements/{id}/invitations/bulk", Csv(csv.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadAsAsync<BulkInviteReport>();
        Assert.Equal(500, report.Rows.Count);
        Assert.Equal(20, report.Rejected);
        Assert.Equal(1, report.Matched);
        Assert.Equal(479, report.Created);
        var rejected = report.Rows.Where(r => r.Outcome == "Rejected").ToList();
        Assert.Equal(bad.Select(i => i + 1).Order(), rejected.Select(r => r.Row).Order()); // line numbers, header is line 1
        Assert.All(rejected, r => Assert.NotEmpty(r.Errors!));
        Assert.Contains(rejected, r => r.Errors!.ContainsKey("organisation.country"));
        Assert.Contains(rejected, r => r.Errors!.ContainsKey("email"));

        var statementId = id;
        Assert.Equal(480, await factory.InDatabaseAsync(db => db.Invitations.CountAsync(r => r.StatementId == statementId)));
        var names = await factory.InDatabaseAsync(db => db.Organisations.Select(o => o.Name).ToListAsync());
        Assert.DoesNotContain("", names);
        Assert.Equal(1, names.Count(n => n == "Party 74, of Peru"));
        Assert.Equal(1, names.Count(n => n == "Rode Morgen"));
    }

    [Fact]
    public async Task A_file_of_2500_rows_is_saved_a_thousand_at_a_time_each_row_seeing_the_rows_before_it_and_only_token_hashes_are_kept()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Large bulk")).Id;
        await drafter.OpenAsync(id);
        var tag = Guid.NewGuid().ToString("N")[..6];

        // Rows 1,200, 1,500 and 1,800 meet rows before them: in the same thousand, in an earlier one, and by acronym and country only.
        var csv = new StringBuilder("name,acronym,country,email\n");
        for (var i = 1; i <= 2500; i++)
            csv.Append(i switch
            {
                1200 => $"Collective {tag} 1100,,FR,again1100@example.org\n",
                1500 => $"Collective {tag} 10,,FR,again10@example.org\n",
                1800 => $"Other collective {tag},C{tag}X100,FR,other@example.org\n",
                _ => $"Collective {tag} {i},C{tag}X{i},FR,c{i}@example.org\n",
            });

        // A large file on a machine shared with other test runs may take longer than a client's default 100 s.
        using var patient = factory.CreateClient();
        patient.Timeout = TimeSpan.FromMinutes(10);
        patient.DefaultRequestHeaders.Authorization = drafter.DefaultRequestHeaders.Authorization;
        var response = await patient.PostAsync($"/api/statements/{id}/invitations/bulk?handOverLinks=true", Csv(csv.ToString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        var rows = report["rows"]!.AsArray();
        Assert.Equal(2500, rows.Count);
        Assert.Equal(Enumerable.Range(2, 2500), rows.Select(r => r!["row"]!.GetValue<int>()));
        Assert.Equal((2497, 0, 3),
            (report["created"]!.GetValue<int>(), report["matched"]!.GetValue<int>(), report["rejected"]!.GetValue<int>()));
        Assert.Equal([1201, 1501, 1801], rows.Where(r => r.Str("outcome") == "Rejected").Select(r => r!["row"]!.GetValue<int>()));
        Assert.Contains("pending invitation", rows[1199]!["errors"]!.ToJsonString());
        Assert.Contains("pending invitation", rows[1499]!["errors"]!.ToJsonString());
        Assert.Equal(rows[99].Str("organisationId"), rows[1799]!["matches"]![0]!["organisation"].Str("id"));

        var statementId = id;
        var stored = await factory.InDatabaseAsync(db => db.Invitations.Where(r => r.StatementId == statementId)
            .Select(r => new { r.Id, r.OrganisationId, r.TokenHash }).ToListAsync());
        Assert.Equal(2497, stored.Count);
        var created = rows.Where(r => r.Str("outcome") == "Created").ToList();
        var byId = stored.ToDictionary(r => r.Id);
        Assert.All(created, r =>
        {
            var invitation = byId[Guid.Parse(r.Str("invitationId"))];
            Assert.Equal(Guid.Parse(r.Str("organisationId")), invitation.OrganisationId);
            Assert.Equal(Workflow.Core.Endorsements.InvitationToken.Hash(r.Str("token")), invitation.TokenHash);
        });
        Assert.Equal(2497, created.Select(r => r.Str("token")).Distinct().Count());
        Assert.Equal(2497, await factory.InDatabaseAsync(db => db.Organisations.CountAsync(o => o.Name.Contains(tag))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("organisation,mail\nX,x@example.org\n")]
    public async Task A_file_without_the_required_columns_is_refused_with_400(string csv)
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Bad file")).Id;
        var response = await drafter.PostAsync($"/api/statements/{id}/invitations/bulk", Csv(csv));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.Invitations.CountAsync(r => r.StatementId == id)));
    }

    [Fact]
    public async Task Only_drafters_may_invite_in_bulk()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Not yours")).Id;
        var stranger = await factory.SignedInClientAsync();
        var response = await stranger.PostAsync($"/api/statements/{id}/invitations/bulk", Csv("name,email\nX,x@example.org\n"));
        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
