using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Api.Tests.Support;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Api.Tests.Organisations;

public sealed class MergeAndMatchTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static object Organisation(string name, string? acronym = null, string? country = "PT", string? website = null,
        string? nameEnglish = null,
        Guid? id = null, bool registerAsNew = false) =>
        new { name, nameEnglish, acronym, country, website, id, registerAsNew };

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    [Fact]
    public async Task An_organisation_is_added_with_website_and_contact_emails_and_found_by_them()
    {
        var drafter = await factory.SignedInClientAsync();
        var host = $"front-{Guid.NewGuid():N}.example.org";
        var response = await drafter.PostAsJsonAsync("/api/organisations",
            new { organisation = Organisation(Unique("Frente Operária"), website: $"https://www.{host}/pt/"),
                contactEmails = new[] { $"info@{host}", $"INFO@{host}" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = await response.JsonAsync();
        Assert.Equal($"https://www.{host}/pt/", added.Str("website"));
        Assert.Equal([$"info@{host}"], added["contactEmails"]!.AsArray().Select(e => e!.GetValue<string>())); // one address, once
        // Found by its contact e-mail by whoever drafts a statement that uses it (see ContactEmailVisibilityTests).
        var statement = (await drafter.CreateStatementAsync(title: "Uses the front")).Id;
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync($"/api/statements/{statement}/invitations",
            new { organisation = new { id = added.Str("id"), name = added.Str("name") }, email = $"campaign@{host}" })).StatusCode);
        foreach (var q in new[] { host, $"http://{host}", $"INFO@{host}" })
        {
            var found = await (await drafter.GetAsync($"/api/organisations?q={Uri.EscapeDataString(q)}")).JsonArrayAsync();
            Assert.True(found.Any(o => o.Str("id") == added.Str("id")), $"searching '{q}'");
        }
        Assert.Equal(added.Str("name"), (await (await drafter.GetAsync(response.Headers.Location))
            .JsonAsync())["organisation"].Str("name"));
    }

    [Theory]
    [InlineData("""{"organisation":{"name":"X","website":"ftp://example.org"}}""", "organisation.website")]
    [InlineData("""{"organisation":{"name":"X","website":"not a website"}}""", "organisation.website")]
    [InlineData("""{"organisation":{"name":"X"},"contactEmails":["nobody"]}""", "contactEmails[0]")]
    [InlineData("""{"organisation":{"name":"","country":"PT"}}""", "organisation.name")]
    public async Task Bad_directory_entries_are_refused_naming_the_field(string json, string field)
    {
        var drafter = await factory.SignedInClientAsync();
        var response = await drafter.PostAsync("/api/organisations",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        await response.AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task A_look_alike_by_acronym_and_country_or_by_website_is_offered_instead_of_a_twin()
    {
        var drafter = await factory.SignedInClientAsync();
        var acronym = "U" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var host = $"union-{Guid.NewGuid():N}.example.org";
        var known = await (await drafter.PostAsJsonAsync("/api/organisations",
            new { organisation = Organisation(Unique("União Operária"), acronym, "PT", $"https://{host}") })).JsonAsync();

        // Same acronym, same country, other spelling: offered, not created.
        var sameAcronym = await drafter.PostAsJsonAsync("/api/organisations",
            new { organisation = Organisation("Uniao dos Operarios", acronym.ToLowerInvariant(), "pt") });
        var problem = await sameAcronym.AssertProblemAsync(HttpStatusCode.Conflict);
        var match = problem["matches"]!.AsArray().Single()!;
        Assert.Equal(known.Str("id"), match["organisation"].Str("id"));
        Assert.Equal(["AcronymAndCountry"], match["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));

        // Same website under another name: offered too. The same acronym in another country is someone else.
        var sameSite = await (await drafter.PostAsJsonAsync("/api/organisations",
            new { organisation = Organisation("Workers' Union", country: "PT", website: $"http://www.{host}/en") }))
                .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["Website"], sameSite["matches"]![0]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync("/api/organisations",
            new { organisation = Organisation(Unique("Union Ouvrière"), acronym, "FR") })).StatusCode);

        // The matches can be asked for before adding, and a drafter who knows better registers a new record.
        var offered = await (await drafter.GetAsync($"/api/organisations/matches?name=Other&acronym={acronym}&country=PT"))
            .JsonArrayAsync();
        Assert.Equal(known.Str("id"), offered.Single()!["organisation"].Str("id"));
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync("/api/organisations",
            new { organisation = Organisation("Uniao dos Operarios", acronym, "PT", registerAsNew: true) })).StatusCode);
    }

    [Fact]
    public async Task An_invitation_to_a_look_alike_is_offered_the_match_and_can_pick_it_by_id()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = (await drafter.CreateStatementAsync(title: Unique("Look-alikes"))).Id;
        var acronym = "P" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var known = await (await drafter.PostAsJsonAsync("/api/organisations",
            new { organisation = Organisation(Unique("Partido Operário"), acronym) })).JsonAsync();

        var offered = await drafter.PostAsJsonAsync($"/api/statements/{statement}/invitations",
            new { organisation = Organisation("Partido Operario Portugues", acronym), email = "po@example.org" });
        var problem = await offered.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(known.Str("id"), problem["matches"]![0]!["organisation"].Str("id"));
        Assert.Equal(0, await factory.InDatabaseAsync(db => db.Invitations.CountAsync(r => r.Email == "po@example.org"
            && r.StatementId == statement)));

        var chosen = await drafter.PostAsJsonAsync($"/api/statements/{statement}/invitations",
            new { organisation = new { id = Guid.Parse(known.Str("id")) }, email = "po@example.org" });
        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        var invitation = await chosen.JsonAsync();
        Assert.True(invitation["organisationMatched"]!.GetValue<bool>());
        Assert.Equal(known.Str("name"), invitation["organisation"].Str("name")); // only the id given: the record's own names

        var unknownId = await drafter.PostAsJsonAsync($"/api/statements/{statement}/invitations",
            new { organisation = new { id = Guid.NewGuid() }, email = "x@example.org" });
        await unknownId.AssertFieldErrorAsync("organisation.id");
    }

    [Fact]
    public async Task Merging_twins_keeps_every_signature_its_number_and_name_and_records_it_in_the_history_of_the_statements_it_moved()
    {
        var drafter = await factory.SignedInClientAsync();
        var original = Unique("Partido Comunista Português");
        var twinName = Unique("Portuguese Communists");
        var first = await OpenStatementAsync(drafter, "First");
        var second = await OpenStatementAsync(drafter, "Second");
        await RecordAsync(drafter, first.Id, Organisation(original, "PCPX"));
        var twinSignature = await RecordAsync(drafter, second.Id, Organisation(twinName, "PCPX", registerAsNew: true));
        var survivorId = await OrganisationIdAsync(original);
        var twinId = await OrganisationIdAsync(twinName);

        var merge = await drafter.PostAsJsonAsync($"/api/organisations/{survivorId}/merge", new { duplicateId = twinId });

        Assert.Equal(HttpStatusCode.OK, merge.StatusCode);
        var record = await merge.JsonAsync();
        Assert.Equal(twinId.ToString(), record["mergedFrom"]![0].Str("id"));
        Assert.Equal(survivorId, await factory.InDatabaseAsync(db => db.Signatures.Where(s => s.Id == twinSignature.SignatureId)
            .Select(s => s.OrganisationId).SingleAsync()));
        var twin = await (await drafter.GetAsync($"/api/organisations/{twinId}")).JsonAsync();
        Assert.Equal(survivorId.ToString(), twin["organisation"].Str("mergedIntoId"));
        // The second list still shows the name it was signed under, with its number.
        var signatures = await drafter.SignaturesAsync(second.Id);
        Assert.Equal(twinName, signatures.Single().DisplayedName);
        Assert.Equal(1, signatures.Single().Number);
        // The twin's spelling now finds the survivor, and no longer the merged record.
        var found = await (await drafter.GetAsync($"/api/organisations?q={Uri.EscapeDataString(twinName)}")).JsonArrayAsync();
        Assert.Equal([survivorId.ToString()], found.Select(o => o.Str("id")));
        // The statement whose signature moved records the merge; the survivor's own statement had nothing change.
        await Eventually.ReturnsAsync(async () => await (await drafter.GetAsync($"/api/statements/{second.Id}/audit")).JsonArrayAsync(),
            entries => entries.Any(e => e.Str("eventType") == "OrganisationsMerged" && e.Str("payload").Contains(twinId.ToString())),
            "the second statement's log records the merge");
    }

    [Fact]
    public async Task Only_drafters_of_every_statement_using_the_twin_may_merge_it()
    {
        var owner = await factory.SignedInClientAsync();
        var statement = await OpenStatementAsync(owner, "Owned");
        await RecordAsync(owner, statement.Id, Organisation(Unique("Liga Operária"), country: "BR"));
        var ownersRecord = await OrganisationIdAsync((await owner.SignaturesAsync(statement.Id))[0].Organisation.Name);

        var stranger = await factory.SignedInClientAsync();
        var strangers = await (await stranger.PostAsJsonAsync("/api/organisations",
            new { organisation = Organisation(Unique("Fake League"), country: "BR") })).JsonAsync();

        // The stranger may not fold the owner's record into its own, nor its own into the owner's.
        await (await stranger.PostAsJsonAsync($"/api/organisations/{strangers.Str("id")}/merge", new { duplicateId = ownersRecord }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync($"/api/organisations/{ownersRecord}/merge", new { duplicateId = strangers.Str("id") }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await stranger.PostAsJsonAsync($"/api/organisations/{Guid.NewGuid()}/merge", new { duplicateId = strangers.Str("id") }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PostAsJsonAsync($"/api/organisations/{strangers.Str("id")}/merge", new { duplicateId = strangers.Str("id") }))
            .AssertFieldErrorAsync("duplicateId");
        Assert.Null(await factory.InDatabaseAsync(db => db.Organisations.Where(o => o.Id == ownersRecord)
            .Select(o => o.MergedIntoId).SingleAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/organisations/{ownersRecord}/merge",
            new { duplicateId = Guid.NewGuid() })).StatusCode);
    }

    [Fact]
    public async Task Twins_that_both_signed_one_statement_merge_only_after_one_signature_is_invalidated_as_duplicate()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await OpenStatementAsync(drafter, "Signed twice");
        var id = statement.Id;
        var name = Unique("Partido del Trabajo");
        await RecordAsync(drafter, id, Organisation(name, country: "MX"));
        var twice = await RecordAsync(drafter, id, Organisation(Unique("Labour Party"), country: "MX"));
        var survivorId = await OrganisationIdAsync(name);
        var twinId = twice.Organisation.Id;

        await (await drafter.PostAsJsonAsync($"/api/organisations/{survivorId}/merge", new { duplicateId = twinId }))
            .AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures/{twice.SignatureId}/invalidate",
            new { reason = "Duplicate", note = "Signed twice under two spellings." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await drafter.PostAsJsonAsync($"/api/organisations/{survivorId}/merge",
            new { duplicateId = twinId })).StatusCode);

        // The history keeps both signatures, now under one organisation; the list shows one.
        var history = await drafter.SignaturesAsync(id);
        Assert.Equal(2, history.Count);
        Assert.All(history, s => Assert.Equal(survivorId, s.Organisation.Id));
        Assert.Single(history, s => s.Status == "Active");
    }

    private static async Task<StatementDetails> OpenStatementAsync(HttpClient drafter, string title)
    {
        var statement = await drafter.CreateStatementAsync(title: Unique(title));
        await drafter.OpenAsync(statement.Id);
        return statement;
    }

    private static async Task<SignatureReceipt> RecordAsync(HttpClient drafter, Guid statementId, object organisation)
    {
        var response = await drafter.PostAsJsonAsync($"/api/statements/{statementId}/signatures",
            new { organisation, signerName = "A. Signer" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReceiptAsync();
    }

    private Task<Guid> OrganisationIdAsync(string name) =>
        factory.InDatabaseAsync(db => db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());
}
