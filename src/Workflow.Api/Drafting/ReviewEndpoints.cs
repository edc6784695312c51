using System.Security.Claims;
using MediatR;
using Workflow.Api.Hosting;
using Workflow.Core.Drafting;

namespace Workflow.Api.Drafting;

public sealed record CommentBody(int? VersionNumber, int? Paragraph, Guid? ParentId, string Body);
public sealed record AmendmentBody(int BaseVersion, AmendmentKind? Kind, int Paragraph, string? Text, string? Rationale);
public sealed record RejectAmendmentBody(string? Reason);

/// <summary>Comments on paragraphs and proposed amendments: commenters write them, owners and editors decide.</summary>
public static class ReviewEndpoints
{
    public static void MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var statement = app.MapGroup("/api/statements/{id:guid}").WithTags("Comments and amendments").RequireAuthorization();

        statement.MapGet("/comments", (Guid id, int? version, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListComments(user.Id(), id, version), ct));
        statement.MapPost("/comments", (Guid id, CommentBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.SendCreatedAsync(new AddComment(user.Id(), id, body.VersionNumber, body.Paragraph, body.ParentId, body.Body),
                _ => $"/api/statements/{id}/comments", ct));
        statement.MapPost("/comments/{commentId:guid}/resolve", (Guid id, Guid commentId, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.Send(new ResolveComment(user.Id(), id, commentId), ct));

        statement.MapGet("/amendments", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListAmendments(user.Id(), id), ct));
        statement.MapPost("/amendments", (Guid id, AmendmentBody body, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.SendCreatedAsync(new ProposeAmendment(user.Id(), id, body.BaseVersion, body.Kind, body.Paragraph, body.Text,
                body.Rationale), _ => $"/api/statements/{id}/amendments", ct));
        statement.MapPost("/amendments/{amendmentId:guid}/accept", (Guid id, Guid amendmentId, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.Send(new AcceptAmendment(user.Id(), id, amendmentId), ct));
        statement.MapPost("/amendments/{amendmentId:guid}/reject", (Guid id, Guid amendmentId, RejectAmendmentBody? body,
            ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new RejectAmendment(user.Id(), id, amendmentId, body?.Reason), ct));
    }
}
