using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflow.Api.Tests.Support;
using Workflow.Core.Statements;

namespace Workflow.Api.Tests.Endorsements;

/// <summary>
/// Each signature on the public list says how it came about, and the drafters cannot make their own acts look like the
/// organisation's: they get no signing link unless they choose to hand it over, and they cannot confirm a new text for an
/// organisation that signed through its own link.
/// </summary>
public sealed class ProvenanceTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static readonly string[] PersonalData = ["@example.org", "María Quispe", "Ana Torres"];

    [Fact]
    public async Task The_list_says_how_each_signature_came_about_and_drafters_get_no_link_unless_they_hand_it_over()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Provenance {Guid.NewGuid():N}");
        var id = statement.Id;
        await drafter.OpenAsync(id);

        // An ordinary invitation: the answer holds no link; only the organisation receives it, by e-mail.
        var own = await drafter.PostAsJsonAsync($"/api/statements/{id}/invitations",
            new { organisation = new { name = $"Partido Propio {Guid.NewGuid():N}", country = "PE" }, email = "own@pcp.example.org" });
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        var ownAnswer = await own.JsonAsync();
        Assert.Null(ownAnswer["token"]);
        Assert.Null(ownAnswer["signingLink"]);
        var link = await factory.ApiLinkFromMailAsync("own@pcp.example.org", "/sign", "/api/invitations");
        Assert.Equal(HttpStatusCode.Created,
            (await factory.CreateClient().PostAsJsonAsync(link + "/sign", new { signerName = "María Quispe" })).StatusCode);

        // A link the drafter asked for and handed over.
        var handed = (await drafter.InviteAsync(id, $"Partido Entregado {Guid.NewGuid():N}", null, null, "BO",
            "handed@frente.example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(handed, "Ana Torres")).StatusCode);

        // One the drafters recorded, with their note; one imported from a published list.
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = $"Partido Registrado {Guid.NewGuid():N}", country = "CL" },
                note = "Signed on paper at the meeting of 3 March." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = $"Partido Importado {Guid.NewGuid():N}", country = "AR" },
                source = "Resolution as published by ICOR, 7 February 2023" })).StatusCode);
        await drafter.PublishAsync(id);
        var slug = statement.Slug;

        var list = await (await factory.CreateClient().GetAsync($"/api/public/statements/{slug}/signatories")).JsonAsync();
        var provenances = list["signatories"]!.AsArray().OrderBy(s => s!["number"]!.GetValue<int>()).Select(s => s!["provenance"]!)
            .ToList();
        Assert.Equal(["InvitationLink", "HandedOverLink", "RecordedByDrafters", "Imported"], provenances.Select(p => p.Str("kind")));
        Assert.Equal("pcp.example.org", provenances[0].Str("emailDomain"));
        Assert.Equal("frente.example.org", provenances[1].Str("emailDomain"));
        Assert.Equal("drafters", provenances[1].Str("recordedBy"));
        Assert.Equal("Signed on paper at the meeting of 3 March.", provenances[2].Str("note"));
        Assert.Equal("Resolution as published by ICOR, 7 February 2023", provenances[3].Str("source"));

        // The page says it in words.
        var page = await factory.CreateClient().GetStringAsync($"/statements/{slug}");
        Assert.Contains("signed through its own invitation link, sent to an address at pcp.example.org", page);
        Assert.Contains("signed through an invitation link the drafters handed over", page);
        Assert.Contains("recorded by the drafters: Signed on paper at the meeting of 3 March.", page);
        Assert.Contains("imported from a published source: Resolution as published by ICOR, 7 February 2023", page);

        // The proof covers the provenance, and never the personal data the public does not see.
        var proof = await factory.CreateClient().GetStringAsync($"/statements/{slug}/proof.json");
        Assert.Contains("HandedOverLink", proof);
        foreach (var personal in PersonalData) Assert.DoesNotContain(personal, proof);
    }

    [Fact]
    public async Task Drafters_cannot_confirm_a_new_text_for_an_organisation_that_signed_through_its_own_link()
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Reconfirm {Guid.NewGuid():N}");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        var email = $"self-{Guid.NewGuid():N}@example.org";
        var token = (await drafter.InviteAsync(id, $"Partido Firmante {Guid.NewGuid():N}", null, null, "PE", email)).Token!;
        var selfSigned = await (await factory.CreateClient().SignAsync(token)).ReceiptAsync();
        var recorded = await (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures",
            new { organisation = new { name = $"Partido Registrado {Guid.NewGuid():N}", country = "CL" }, note = "By e-mail." }))
                .ReceiptAsync();

        var revised = await drafter.PutAsJsonAsync($"/api/statements/{id}/draft",
            new { title = statement.Title, body = "The text, changed after the signatures.", baseVersion = 1 });
        var newHash = (await revised.ReadAsAsync<VersionDetails>()).TextHash;

        var refused = await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures/{selfSigned.SignatureId}/reconfirm",
            new { textHash = newHash });
        var problem = await refused.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("own link", problem.Str("detail"));
        var signatures = await drafter.SignaturesAsync(id);
        Assert.True(signatures.Single(s => s.Id == selfSigned.SignatureId).NeedsReconfirmation);

        // The drafters may confirm what they recorded themselves; the organisation confirms its own through its link.
        Assert.Equal(HttpStatusCode.OK, (await drafter.PostAsJsonAsync($"/api/statements/{id}/signatures/{recorded.SignatureId}/reconfirm",
            new { textHash = newHash })).StatusCode);
        var link = await factory.ApiLinkFromMailAsync(email, "/sign", "/api/invitations", subjectStart: "The text you signed has changed");
        Assert.Equal(HttpStatusCode.OK,
            (await factory.CreateClient().PostAsJsonAsync(link + "/reconfirm", new { textHash = newHash })).StatusCode);

        // The log tells the two confirmations apart.
        await drafter.PublishAsync(id);
        var entries = JsonNode.Parse(await factory.CreateClient()
            .GetStringAsync($"/statements/{statement.Slug}/proof.json"))!["entries"]!.AsArray()
            .Select(e => JsonNode.Parse(e!.GetValue<string>())!).Where(e => e["change"]?.GetValue<string>() == "reconfirmed").ToList();
        Assert.Equal(["drafters", "signatory"], entries.Select(e => e.Str("confirmedBy")).Order());
    }
}
