using System.Net;
using System.Net.Http.Json;
using Workflow.Api.Tests.Support;

namespace Workflow.Api.Tests.Drafting;

public sealed class TranslationTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    private static Task<HttpResponseMessage> TranslateAsync(HttpClient client, Guid id, string language, string title, string body,
        int translates, int? baseNumber) =>
        client.PutAsJsonAsync($"/api/statements/{id}/translations/{language}",
            new { title, body, translatesVersion = translates, baseNumber });

    [Fact]
    public async Task A_translation_is_versioned_on_its_own_and_becomes_stale_when_the_primary_text_changes()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Solidarity", body: "We call for solidarity.")).Id;

        Assert.Equal(HttpStatusCode.Created,
            (await TranslateAsync(drafter, id, "ES", "Solidaridad", "Llamamos a la solidaridad.", 1, null)).StatusCode);
        var listed = (await (await drafter.GetAsync($"/api/statements/{id}/translations")).JsonArrayAsync()).Single()!;
        Assert.Equal("es", listed.Str("language"));
        Assert.False(listed["stale"]!.GetValue<bool>());

        await (await TranslateAsync(drafter, id, "es", "Solidaridad", "Otra.", 1, null))
            .AssertProblemAsync(HttpStatusCode.Conflict); // base 0 is not the latest
        await (await TranslateAsync(drafter, id, "en", "Solidarity", "Same.", 1, null)).AssertFieldErrorAsync("language");
        await (await TranslateAsync(drafter, id, "not a tag", "T", "B", 1, null)).AssertFieldErrorAsync("language");
        await (await TranslateAsync(drafter, id, "fr", "T", "B", 7, null)).AssertFieldErrorAsync("translatesVersion");

        Assert.Equal(HttpStatusCode.Created, (await drafter.PutAsJsonAsync($"/api/statements/{id}/draft",
            new { title = "Solidarity", body = "We call for international solidarity.", baseVersion = 1 })).StatusCode);
        var stale = await (await drafter.GetAsync($"/api/statements/{id}/translations/es")).JsonAsync();
        Assert.True(stale["stale"]!.GetValue<bool>());
        Assert.Equal(1, stale["translatesVersion"]!.GetValue<int>());
        await Eventually.ReturnsAsync(async () => await (await drafter.GetAsync($"/api/statements/{id}/audit")).JsonArrayAsync(),
            e => e.Any(x => x.Str("eventType") == "TranslationMarkedStale") && e.Any(x => x.Str("eventType") == "TranslationAdded"),
            "the audit log says so");

        var second = await (await TranslateAsync(drafter, id, "es", "Solidaridad", "Llamamos a la solidaridad internacional.", 2, 1))
            .JsonAsync();
        Assert.Equal(2, second["number"]!.GetValue<int>());
        Assert.False(second["stale"]!.GetValue<bool>());
        Assert.Equal("Llamamos a la solidaridad.",
            (await (await drafter.GetAsync($"/api/statements/{id}/translations/es/versions/1")).JsonAsync()).Str("body"));
    }

    [Fact]
    public async Task Opening_freezes_the_set_of_texts_signers_may_read_and_the_receipt_names_it()
    {
        var drafter = await factory.SignedInClientAsync();
        var id = (await drafter.CreateStatementAsync(title: "Solidarity", body: "We call for solidarity.")).Id;
        var spanish = await (await TranslateAsync(drafter, id, "es", "Solidaridad", "Llamamos a la solidaridad.", 1, null)).JsonAsync();
        await drafter.OpenAsync(id);
        // A translation of the signed text saved after opening joins the set; a new version of one in the set does not replace it.
        Assert.Equal(HttpStatusCode.Created,
            (await TranslateAsync(drafter, id, "fr", "Solidarité", "Nous appelons à la solidarité.", 1, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await TranslateAsync(drafter, id, "es", "Solidaridad", "Llamamos a la solidaridad, ¡ya!", 1, 1)).StatusCode);

        var token = (await drafter.InviteAsync(id)).Token!;
        var view = await (await factory.CreateClient().GetAsync($"/api/invitations/{token}")).JsonAsync();
        Assert.Equal(["es", "fr"], view["translations"]!.AsArray().Select(t => t.Str("language")));
        Assert.Equal("Llamamos a la solidaridad.", view["translations"]![0].Str("body"));

        var receipt = await (await factory.CreateClient().SignAsync(token)).ReceiptAsync();
        var named = receipt.Translations;
        Assert.Equal(["es:1", "fr:1"], named.Select(t => $"{t.Language}:{t.VersionNumber}"));
        Assert.Equal(spanish.Str("textHash"), named[0].TextHash);
        var listed = await (await drafter.GetAsync($"/api/statements/{id}/translations")).JsonArrayAsync();
        Assert.Equal(1, listed.Single(t => t.Str("language") == "es")!["signableNumber"]!.GetValue<int>());
    }
}
