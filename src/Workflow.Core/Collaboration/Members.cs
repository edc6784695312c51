using Workflow.Core.Accounts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;
using Workflow.Core.Statements;

namespace Workflow.Core.Collaboration;

public sealed record MemberView(string UserId, string? Email, string Role, DateTimeOffset AddedAt);

/// <param name="Status">Pending, Accepted, Expired or Revoked.</param>
/// <param name="Email">Whom the invitation was written to: for those who see the statement's personal data.</param>
public sealed record CollaboratorInvitationView(Guid Id, string? Email, string Role, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

public sealed record MembersView(IReadOnlyList<MemberView> Members, IReadOnlyList<CollaboratorInvitationView> Invitations);

/// <summary>Who drafts the statement, with which role, and who has been asked to.</summary>
public sealed record ListMembers(string UserId, Guid StatementId) : IRequest<MembersView>;

public sealed class ListMembersHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ListMembers, MembersView>
{
    public async Task<MembersView> Handle(ListMembers request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var ids = statement.Members.Select(m => m.UserId).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var now = clock.GetUtcNow();
        var invitations = await db.CollaboratorInvitations.AsNoTracking().Where(i => i.StatementId == statement.Id).OrderBy(i => i.CreatedAt).ToListAsync(ct);
        return new MembersView(
            statement.Members.OrderByDescending(m => m.Role).ThenBy(m => m.AddedAt)
                .Select(m => new MemberView(m.UserId, emails.GetValueOrDefault(m.UserId), m.Role.ToString(), m.AddedAt)).ToList(),
            invitations.Select(i => new CollaboratorInvitationView(i.Id, statement.ShowsPersonalDataTo(request.UserId) ? i.Email : null, i.Role.ToString(), i.StatusAt(now), i.CreatedAt, i.ExpiresAt)).ToList());
    }
}

/// <summary>An owner asks someone, by e-mail, to draft with a role; the link is e-mailed and never shown here.</summary>
public sealed record InviteCollaborator(string UserId, Guid StatementId, string Email, StatementRole? Role) : IRequest<CollaboratorInvitationView>;

public sealed class InviteCollaboratorValidator : AbstractValidator<InviteCollaborator>
{
    public InviteCollaboratorValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(CollaboratorInvitation.EmailMaxLength).EmailAddress().IsPlainEmailAddress();
        RuleFor(r => r.Role).NotNull().IsInEnum();
    }
}

public sealed class InviteCollaboratorHandler(WorkflowDb db, TimeProvider clock, IDataProtectionProvider dataProtection)
    : IRequestHandler<InviteCollaborator, CollaboratorInvitationView>
{
    public async Task<CollaboratorInvitationView> Handle(InviteCollaborator request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        await db.EnsureMayEmailOthersAsync(request.UserId, ct);
        var token = InvitationToken.New();
        var invitation = statement.InviteCollaborator(request.Email, request.Role!.Value, InvitationToken.Hash(token), dataProtection.ProtectForEmail(token), request.UserId, now);
        db.CollaboratorInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        return new CollaboratorInvitationView(invitation.Id, invitation.Email, invitation.Role.ToString(), invitation.StatusAt(now), invitation.CreatedAt, invitation.ExpiresAt);
    }
}

/// <summary>What the link shows before it is accepted.</summary>
/// <param name="UserId">The signed-in account, if any: the view then says whether it may accept.</param>
public sealed record GetCollaboration(string Token, string? UserId = null) : IRequest<CollaborationView>;

/// <param name="InvitedEmail">The address the invitation was sent to, masked (j•••@example.org): only its account may accept.</param>
/// <param name="AcceptableByYou">For a signed-in caller: whether their account may accept (its confirmed address is the invited one); null otherwise.</param>
/// <param name="Refusal">Why the signed-in caller may not accept, when they may not.</param>
public sealed record CollaborationView(Guid StatementId, string StatementTitle, string Role, string Status, DateTimeOffset ExpiresAt,
    string InvitedEmail, bool? AcceptableByYou = null, string? Refusal = null);

public sealed class GetCollaborationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<GetCollaboration, CollaborationView>
{
    public async Task<CollaborationView> Handle(GetCollaboration request, CancellationToken ct)
    {
        var invitation = await db.FindCollaborationAsync(request.Token, ct);
        var title = await db.Statements.Where(s => s.Id == invitation.StatementId).Select(s => s.Title).SingleAsync(ct);
        string? refusal = null;
        if (request.UserId is not null)
        {
            var account = await db.AccountOfAsync(request.UserId, ct);
            try { invitation.EnsureAcceptableBy(account?.Email, account?.EmailConfirmed ?? false); }
            catch (ForbiddenException e) { refusal = e.Message; }
        }
        return new CollaborationView(invitation.StatementId, title, invitation.Role.ToString(), invitation.StatusAt(clock.GetUtcNow()), invitation.ExpiresAt,
            invitation.MaskedEmail, request.UserId is null ? null : refusal is null, refusal);
    }
}

/// <summary>
/// The person the link was sent to, signed in with the account of that address (confirmed), becomes a member with the
/// role the owner chose; any other account is refused (403) and told which address is needed, masked.
/// </summary>
public sealed record AcceptCollaboration(string Token, string UserId) : IRequest<CollaborationView>;

public sealed class AcceptCollaborationHandler(WorkflowDb db, TimeProvider clock, IMediator mediator) : IRequestHandler<AcceptCollaboration, CollaborationView>
{
    public async Task<CollaborationView> Handle(AcceptCollaboration request, CancellationToken ct)
    {
        var invitation = await db.FindCollaborationAsync(request.Token, ct);
        var statement = await db.Statements.Include(s => s.Members).SingleAsync(s => s.Id == invitation.StatementId, ct);
        var account = await db.AccountOfAsync(request.UserId, ct);
        invitation.Accept(statement, request.UserId, account?.Email, account?.EmailConfirmed ?? false, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new GetCollaboration(request.Token, request.UserId), ct);
    }
}

public sealed record RevokeCollaboratorInvitation(string UserId, Guid StatementId, Guid InvitationId) : IRequest<Unit>;

public sealed class RevokeCollaboratorInvitationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<RevokeCollaboratorInvitation, Unit>
{
    public async Task<Unit> Handle(RevokeCollaboratorInvitation request, CancellationToken ct)
    {
        await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        var invitation = await db.CollaboratorInvitations.SingleOrDefaultAsync(i => i.Id == request.InvitationId && i.StatementId == request.StatementId, ct)
            ?? throw new NotFoundException("invitation");
        invitation.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

/// <summary>An owner changes a member's role. The last owner cannot stop being one.</summary>
public sealed record ChangeMemberRole(string UserId, Guid StatementId, string MemberId, StatementRole? Role) : IRequest<MembersView>;

public sealed class ChangeMemberRoleValidator : AbstractValidator<ChangeMemberRole>
{
    public ChangeMemberRoleValidator() => RuleFor(r => r.Role).NotNull().IsInEnum();
}

public sealed class ChangeMemberRoleHandler(WorkflowDb db, TimeProvider clock, IMediator mediator) : IRequestHandler<ChangeMemberRole, MembersView>
{
    public async Task<MembersView> Handle(ChangeMemberRole request, CancellationToken ct)
    {
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        statement.ChangeRole(request.MemberId, request.Role!.Value, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await mediator.Send(new ListMembers(request.UserId, request.StatementId), ct);
    }
}

/// <summary>An owner removes a member, or a member leaves. The last owner cannot be removed.</summary>
public sealed record RemoveMember(string UserId, Guid StatementId, string MemberId) : IRequest<Unit>;

public sealed class RemoveMemberHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<RemoveMember, Unit>
{
    public async Task<Unit> Handle(RemoveMember request, CancellationToken ct)
    {
        var leaving = request.MemberId == request.UserId;
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, leaving ? StatementRole.Viewer : StatementRole.Owner);
        statement.RemoveMember(request.MemberId, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

internal static class CollaborationLookup
{
    public static Task<Accounts.WorkflowUser?> AccountOfAsync(this WorkflowDb db, string userId, CancellationToken ct) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);

    public static async Task<CollaboratorInvitation> FindCollaborationAsync(this WorkflowDb db, string token, CancellationToken ct)
    {
        if (!InvitationToken.IsWellFormed(token)) throw new NotFoundException("invitation");
        var hash = InvitationToken.Hash(token);
        var invitation = await db.CollaboratorInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is null || invitation.RevokedAt is not null ? throw new NotFoundException("invitation") : invitation;
    }
}
