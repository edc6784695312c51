using MediatR;
using Microsoft.Extensions.Options;
using Workflow.Core.Publishing;
using Workflow.Infrastructure.Hosting;

namespace Workflow.Api.Publishing;

/// <summary>What anyone may read, without an account: published statements, their signatory lists in several formats, and the chain's
/// proof.</summary>
public static class PublicEndpoints
{
    public static void MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/statements").WithTags("Public").AllowAnonymous();

        // The list of statements changes with any publication; it is short, and not cached.
        api.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListPublishedStatements(), ct));
        // Verification and proofs are computed from the database every time: never from a cache.
        api.MapGet("/{slug}/verify", (string slug, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new VerifySignatoryList(slug), ct));
        api.MapGet("/{slug}/log/consistency", (string slug, int first, int second, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetConsistencyProof(slug, first, second), ct));
        api.MapGet("/{slug}/log/inclusion", (string slug, int index, int treeSize, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetInclusionProof(slug, index, treeSize), ct));
        api.MapGet("/{slug}/log/heads", (string slug, int? from, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetTreeHeads(slug, from ?? 1), ct));

        // The key that signs every tree head. Take it from here once and keep it (or from anyone who kept it): a later
        // head signed with another key, or a key that changed, is itself a sign that something is wrong.
        var key = app.MapGroup("/api/log").WithTags("Public").AllowAnonymous();
        key.MapGet("/key.pem", (Workflow.Proof.TreeHeadSigner signer) => TypedResults.Text(signer.PublicKeyPem, "application/x-pem-file"));
        key.MapGet("/key", (Workflow.Proof.TreeHeadSigner signer) =>
            TypedResults.Ok(new PublicKey(signer.KeyId, "ECDSA P-256 with SHA-256 (IEEE P1363 signatures)", signer.PublicKeyPem)));

        var statement = app.MapGroup("/api/public/statements/{slug}").WithTags("Public").AllowAnonymous().CacheOutput(PublicCache.Policy);
        statement.MapGet("/", (string slug, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetPublishedStatement(slug), ct));
        statement.MapGet("/signatories", ListAsJsonAsync).Produces<SignatoryList>();

        var files = app.MapGroup("/statements/{slug}").WithTags("Public").AllowAnonymous().CacheOutput(PublicCache.Policy);
        files.MapGet("/signatories.txt", async (string slug, ListOrder? order, IMediator mediator, CancellationToken ct) =>
        {
            var list = await mediator.Send(new GetSignatoryList(slug), ct);
            return new StreamedText("text/plain; charset=utf-8", text => SignatoryListText.Write(text, list, order ?? ListOrder.Signing));
        });
        files.MapGet("/signatories.md", async (string slug, ListOrder? order, IMediator mediator, CancellationToken ct) =>
        {
            var list = await mediator.Send(new GetSignatoryList(slug), ct);
            return new StreamedText("text/markdown; charset=utf-8", md => ListFormats.WriteMarkdown(md, list, order ?? ListOrder.Signing));
        });
        files.MapGet("/signatories.csv", async (string slug, ListOrder? order, HttpContext http, IMediator mediator,
            CancellationToken ct) =>
        {
            var list = await mediator.Send(new GetSignatoryList(slug), ct);
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}-signatories.csv\"";
            return new StreamedText(CsvContentType, csv => ListFormats.WriteCsv(csv, list, order ?? ListOrder.Signing),
                byteOrderMark: true);
        });
        files.MapGet("/signatories.json", ListAsJsonAsync).Produces<SignatoryList>();

        files.MapGet("/print", async (string slug, ListOrder? order, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var list = await mediator.Send(new GetSignatoryList(slug), ct);
            var statement = await mediator.Send(new GetPublishedStatement(slug), ct);
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; frame-ancestors 'none'";
            return new StreamedText("text/html; charset=utf-8",
                html => PrintableList.WriteHtml(html, list, order ?? ListOrder.Signing, "/styles/print.css",
                (statement.Language, statement.BodyHtml)));
        });
        files.MapGet("/feed.atom", async (string slug, HttpContext http, IMediator mediator, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Text(ListFormats.Atom(await mediator.Send(new GetSignatoryList(slug), ct), StatementUrl(http, slug),
            clock.GetUtcNow()),
                "application/atom+xml; charset=utf-8"));
        files.MapGet("/widget", async (string slug, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            var list = await mediator.Send(new GetSignatoryList(slug), ct);
            // Made to be framed by other sites, and nothing else: no script, only our stylesheet.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; frame-ancestors *";
            return TypedResults.Text(PrintableList.Widget(list, StatementUrl(http, slug), "/styles/print.css"), "text/html; charset=utf-8");
        });

        // The proof is read from the database on every request: never from a cache that an event might not have evicted.
        var proofs = app.MapGroup("/statements/{slug}").WithTags("Public").AllowAnonymous();
        proofs.MapGet("/proof.json", async (string slug, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}-proof.json\"";
            return TypedResults.Text((await mediator.Send(new GetListProof(slug), ct)).ToJsonString(), "application/json; charset=utf-8");
        });
        proofs.MapGet("/tree-head.json", async (string slug, HttpContext http, IMediator mediator, CancellationToken ct) =>
        {
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{slug}-tree-head.json\"";
            var head = (await mediator.Send(new GetTreeHeads(slug, 0, 1), ct)).SingleOrDefault();
            return head is null ? Results.NotFound() : TypedResults.Text(head.ToJsonString(), "application/json; charset=utf-8");
        });
        proofs.MapGet("/tree-heads.atom", async (string slug, HttpContext http, IMediator mediator, CancellationToken ct) =>
            TypedResults.Text(TreeHeadFeed.Atom(slug, StatementUrl(http, slug), await mediator.Send(new GetTreeHeads(slug, 0, 100), ct)),
                "application/atom+xml; charset=utf-8"));

        app.MapGet("/styles/print.css", () => TypedResults.Text(PrintableList.Stylesheet, "text/css; charset=utf-8"))
            .WithTags("Public").AllowAnonymous();
    }

    /// <summary>The list as JSON, its rows written as they are read (the same bytes as the whole <see cref="SignatoryList"/>).</summary>
    private static async Task<IResult> ListAsJsonAsync(string slug, IMediator mediator, CancellationToken ct) =>
        new StreamedJson<SignatoryListAsRead>(await mediator.Send(new ReadSignatoryList(slug), ct));

    /// <summary>
    /// A CSV file that spreadsheet programs open as UTF-8: without the byte-order mark, Excel reads it in the
    /// computer's legacy code page and garbles every name outside ASCII (Cyrillic, Arabic, accents).
    /// </summary>
    public static IResult CsvFile(string csv) =>
        TypedResults.Bytes([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv)], CsvContentType);

    private const string CsvContentType = "text/csv; charset=utf-8";

    public sealed record PublicKey(string KeyId, string Algorithm, string Pem);

    private static string StatementUrl(HttpContext http, string slug) =>
        http.RequestServices.GetRequiredService<IOptions<PublicSiteOptions>>().Value.Link($"/statements/{slug}");
}
