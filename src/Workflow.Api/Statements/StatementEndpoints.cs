using System.Security.Claims;
using MediatR;
using Workflow.Api.Hosting;
using Workflow.Core.Audit;
using Workflow.Core.Statements;
using Workflow.Core.Drafting;

namespace Workflow.Api.Statements;

public sealed record CreateStatementBody(string Title, string Body, string Language, bool AllowsFurtherSignatories, string? Slug);
public sealed record ReviseDraftBody(string Title, string Body, int BaseVersion, string? ChangeNote, int? ExpectedReconfirmations = null);
public sealed record RestoreBody(int BaseVersion, string? ChangeNote);
public sealed record InitiatorsBody(IReadOnlyList<Workflow.Core.Organisations.OrganisationDetails> Organisations);
/// <param name="AsOfUnknown">The statement was published on a date nobody knows: the public page shows none, rather than today's.</param>
public sealed record PublishBody(DateTimeOffset? AsOf, bool AsOfUnknown = false);

/// <summary>The drafters' side: statements, their versions and lifecycle. Every route needs a signed-in drafter.</summary>
public static class StatementEndpoints
{
    public static void MapStatementEndpoints(this IEndpointRouteBuilder app)
    {
        var statements = app.MapGroup("/api/statements").WithTags("Statements").RequireAuthorization();

        statements.MapGet("/", (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListMyStatements(user.Id()), ct));

        statements.MapPost("/", (CreateStatementBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.SendCreatedAsync(new CreateStatement(user.Id(), body.Title, body.Body, body.Language,
                body.AllowsFurtherSignatories, body.Slug),
                created => $"/api/statements/{created.Id}", ct));

        statements.MapGet("/{id:guid}", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetStatement(user.Id(), id), ct));

        statements.MapPut("/{id:guid}/draft", (Guid id, ReviseDraftBody body, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.SendCreatedAsync(new ReviseDraft(user.Id(), id, body.Title, body.Body, body.BaseVersion, body.ChangeNote,
                body.ExpectedReconfirmations),
                version => $"/api/statements/{id}/versions/{version.Number}", ct));

        statements.MapGet("/{id:guid}/versions", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListVersions(user.Id(), id), ct));

        statements.MapGet("/{id:guid}/versions/{number:int}", (Guid id, int number, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.Send(new GetVersion(user.Id(), id, number), ct));

        statements.MapPost("/{id:guid}/versions/{number:int}/restore", (Guid id, int number, RestoreBody body, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) =>
            mediator.SendCreatedAsync(new RestoreVersion(user.Id(), id, number, body.BaseVersion, body.ChangeNote),
                version => $"/api/statements/{id}/versions/{version.Number}", ct));

        statements.MapGet("/{id:guid}/diff", (Guid id, int from, int to, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new CompareVersions(user.Id(), id, from, to), ct));

        statements.MapGet("/{id:guid}/initiators", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetInitiators(user.Id(), id), ct));

        statements.MapPut("/{id:guid}/initiators", (Guid id, InitiatorsBody body, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.Send(new SetInitiators(user.Id(), id, body.Organisations), ct));

        statements.MapPost("/{id:guid}/open", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new OpenForSignature(user.Id(), id), ct));

        statements.MapPost("/{id:guid}/publish", (Guid id, PublishBody? body, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.Send(new PublishStatement(user.Id(), id, body?.AsOf, body?.AsOfUnknown ?? false), ct));

        statements.MapPut("/{id:guid}/publication-details", (Guid id, PublicationDetails body, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.Send(new SetPublicationDetails(user.Id(), id, body.Kind, body.IssuedBy, body.ListIsPartial, body.ListNote,
            body.Source), ct));

        statements.MapPost("/{id:guid}/close", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new CloseStatement(user.Id(), id), ct));

        statements.MapPost("/{id:guid}/withdraw", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new WithdrawStatement(user.Id(), id), ct));

        statements.MapGet("/{id:guid}/audit", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetAuditLog(user.Id(), id), ct));
    }
}
