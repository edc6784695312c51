using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workflow.Api.Publishing;
using Workflow.Api.Tests.Support;
using Workflow.Core.Publishing;

namespace Workflow.Api.Tests.Publishing;

/// <summary>The files written to the response as they are made: the same bytes as each format, and fresh once the list changes.</summary>
public sealed class PublishedFileTests(WorkflowApiFactory factory) : IClassFixture<WorkflowApiFactory>
{
    [Fact]
    public async Task Each_file_is_answered_with_the_bytes_of_its_format_first_and_from_the_cache()
    {
        var (_, _, slug) = await PublishedAsync("Bytes");
        using var scope = factory.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var list = await mediator.Send(new GetSignatoryList(slug));
        var statement = await mediator.Send(new GetPublishedStatement(slug));
        var utf8 = new UTF8Encoding(false);
        foreach (var (path, contentType, expected) in new[]
                 {
                     ($"/statements/{slug}/signatories.txt", "text/plain", utf8.GetBytes(SignatoryListText.Render(list))),
                     ($"/statements/{slug}/signatories.txt?order=Country", "text/plain",
                         utf8.GetBytes(SignatoryListText.Render(list, ListOrder.Country))),
                     ($"/statements/{slug}/signatories.md", "text/markdown", utf8.GetBytes(ListFormats.Markdown(list, ListOrder.Signing))),
                     ($"/statements/{slug}/signatories.csv", "text/csv",
                         [0xEF, 0xBB, 0xBF, .. utf8.GetBytes(ListFormats.Csv(list, ListOrder.Signing))]),
                     ($"/statements/{slug}/print?order=Alphabetical", "text/html",
                         utf8.GetBytes(PrintableList.Html(list, ListOrder.Alphabetical, "/styles/print.css",
                             (statement.Language, statement.BodyHtml)))),
                 })
        {
            var first = await factory.CreateClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(contentType, first.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", first.Content.Headers.ContentType?.CharSet);
            Assert.Equal(expected, await first.Content.ReadAsByteArrayAsync());
            var cached = await Eventually.ReturnsAsync(() => factory.CreateClient().GetAsync(path), r => r.Headers.Age is not null,
                $"{path} is served from the cache");
            Assert.Equal(expected, await cached.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task The_json_list_read_as_it_is_written_has_the_bytes_of_the_whole_list_first_and_from_the_cache()
    {
        // Two initiators, listed first in their order although the second signed first.
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"Json {Guid.NewGuid():N}");
        var (id, slug) = (statement.Id, statement.Slug);
        (await drafter.PutAsJsonAsync($"/api/statements/{id}/initiators", new
        {
            organisations = new[] { new { name = "Partido Comunista Peruano", acronym = "PCP", country = "PE" },
                new { name = "Iniciativa Ciudadana", acronym = "IC", country = "AR" } },
        })).EnsureSuccessStatusCode();
        await drafter.OpenAsync(id);
        foreach (var (name, acronym, country) in new[] { ("Iniciativa Ciudadana", "IC", "AR"), ("Partido Comunista Peruano", "PCP", "PE"),
            ("Партия труда", "ПТ", "RU"), ("حزب العمال", null, null) })
        {
            var token = (await drafter.InviteAsync(id, name, null, acronym, country, $"{Guid.NewGuid():N}@example.org")).Token!;
            Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(token)).StatusCode);
        }
        await drafter.PublishAsync(id);

        using var scope = factory.Services.CreateScope();
        var list = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetSignatoryList(slug));
        Assert.Equal([(2, true), (1, true), (3, false), (4, false)], list.Signatories.Select(s => (s.Number, s.Initiator)));
        var options =
            scope.ServiceProvider.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var expected = JsonSerializer.SerializeToUtf8Bytes(list, options);
        foreach (var path in new[] { $"/api/public/statements/{slug}/signatories", $"/statements/{slug}/signatories.json" })
        {
            var first = await factory.CreateClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("application/json", first.Content.Headers.ContentType?.MediaType);
            Assert.Equal("utf-8", first.Content.Headers.ContentType?.CharSet);
            Assert.Equal(expected, await first.Content.ReadAsByteArrayAsync());
            var cached = await Eventually.ReturnsAsync(() => factory.CreateClient().GetAsync(path), r => r.Headers.Age is not null,
                $"{path} is served from the cache");
            Assert.Equal(expected, await cached.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_subsequent_signatory_appears_on_the_page_and_in_the_json_read_before_it_signed()
    {
        var (drafter, id, slug) = await PublishedAsync("Fresh");
        var page = $"/statements/{slug}";
        var json = $"/api/public/statements/{slug}/signatories";
        foreach (var path in new[] { page, json })
            await Eventually.ReturnsAsync(() => factory.CreateClient().GetAsync(path), r => r.Headers.Age is not null,
                $"{path} is served from the cache");

        var late = (await drafter.InviteAsync(id, "Partido Tardio", "Late Party", "PT", "CL", "late@example.org")).Token!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(late)).StatusCode);

        foreach (var path in new[] { page, json })
            await Eventually.ReturnsAsync(() => factory.CreateClient().GetStringAsync(path), body => body.Contains("Partido Tardio"),
                $"{path} shows the new signatory");
        var signatories = (await (await factory.CreateClient().GetAsync(json)).JsonAsync())["signatories"]!.AsArray();
        Assert.Equal(["Initial", "Initial", "Initial", "Subsequent"], signatories.Select(s => s.Str("phase")));
    }

    private async Task<(HttpClient Drafter, Guid Id, string Slug)> PublishedAsync(string title)
    {
        var drafter = await factory.SignedInClientAsync();
        var statement = await drafter.CreateStatementAsync(title: $"{title} {Guid.NewGuid():N}");
        var id = statement.Id;
        await drafter.OpenAsync(id);
        foreach (var (name, english, acronym, country) in new[]
                 {
                     ("Партия труда", "Labour Party", "ПТ", "RU"),
                     ("=SUM(1+1) *Rojo*", null, null, "BO"),
                     ("حزب العمال", "Workers' Party", null, null),
                 })
        {
            var token = (await drafter.InviteAsync(id, name, english, acronym, country, $"{Guid.NewGuid():N}@example.org")).Token!;
            Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SignAsync(token)).StatusCode);
        }
        await drafter.PublishAsync(id);
        return (drafter, id, statement.Slug);
    }
}
