using MediatR;
using Workflow.Core.Publishing;

namespace Workflow.Api.Publishing;

/// <summary>What anyone may read, without an account: published statements and their signatory lists.</summary>
public static class PublicEndpoints
{
    public static void MapPublicEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/statements").WithTags("Public").AllowAnonymous();

        api.MapGet("/", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListPublishedStatements(), ct));
        api.MapGet("/{slug}", (string slug, IMediator mediator, CancellationToken ct) => mediator.Send(new GetPublishedStatement(slug), ct));
        api.MapGet("/{slug}/signatories", (string slug, IMediator mediator, CancellationToken ct) => mediator.Send(new GetSignatoryList(slug), ct));
        api.MapGet("/{slug}/verify", (string slug, IMediator mediator, CancellationToken ct) => mediator.Send(new VerifyChain(slug), ct));

        app.MapGet("/statements/{slug}/signatories.txt", async (string slug, IMediator mediator, CancellationToken ct) =>
                TypedResults.Text(SignatoryListText.Render(await mediator.Send(new GetSignatoryList(slug), ct)), "text/plain; charset=utf-8"))
            .WithTags("Public").AllowAnonymous();
    }
}
