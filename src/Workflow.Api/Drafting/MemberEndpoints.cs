using System.Security.Claims;
using MediatR;
using Workflow.Api.Hosting;
using Workflow.Core.Drafting;
using Workflow.Core.Statements;

namespace Workflow.Api.Drafting;

public sealed record InviteCollaboratorBody(string Email, StatementRole? Role);
public sealed record ChangeRoleBody(StatementRole? Role);

/// <summary>Co-drafters: owners invite people by e-mail with a role, change roles and remove members.</summary>
public static class MemberEndpoints
{
    public static void MapMemberEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/statements/{id:guid}/members").WithTags("Co-drafters").RequireAuthorization();

        members.MapGet("/", (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListMembers(user.Id(), id), ct));

        members.MapPost("/invitations", (Guid id, InviteCollaboratorBody body, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.SendCreatedAsync(new InviteCollaborator(user.Id(), id, body.Email, body.Role),
                _ => $"/api/statements/{id}/members", ct));

        members.MapPost("/invitations/{invitationId:guid}/revoke", async (Guid id, Guid invitationId, ClaimsPrincipal user,
            IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RevokeCollaboratorInvitation(user.Id(), id, invitationId), ct);
            return TypedResults.NoContent();
        });

        members.MapPut("/{memberId}", (Guid id, string memberId, ChangeRoleBody body, ClaimsPrincipal user, IMediator mediator,
            CancellationToken ct) =>
            mediator.Send(new ChangeMemberRole(user.Id(), id, memberId, body.Role), ct));

        members.MapDelete("/{memberId}", async (Guid id, string memberId, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
        {
            await mediator.Send(new RemoveMember(user.Id(), id, memberId), ct);
            return TypedResults.NoContent();
        });

        // The link in the e-mail: anyone holding it may see what it offers; accepting needs the account of the invited (confirmed) address.
        var link = app.MapGroup("/api/collaborations/{token}").WithTags("Co-drafters");
        link.MapGet("/", (string token, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetCollaboration(token), ct)).AllowAnonymous();
        link.MapPost("/accept", (string token, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new AcceptCollaboration(token, user.Id()), ct)).RequireAuthorization();
    }
}
