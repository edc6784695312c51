using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Endorsements;

namespace Workflow.Core.Drafting;

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

    /// <summary>What the link shows; to a signed-in account, also whether it may accept and, if not, why.</summary>
    public static async Task<CollaborationView> ViewOfAsync(this WorkflowDb db, CollaboratorInvitation invitation, string? userId,
        DateTimeOffset now,
        CancellationToken ct)
    {
        var title = await db.Statements.Where(s => s.Id == invitation.StatementId).Select(s => s.Title).SingleAsync(ct);
        string? refusal = null;
        if (userId is not null)
        {
            var account = await db.AccountOfAsync(userId, ct);
            try { invitation.EnsureAcceptableBy(account?.Email, account?.EmailConfirmed ?? false); }
            catch (ForbiddenException e) { refusal = e.Message; }
        }
        return new CollaborationView(invitation.StatementId, title, invitation.Role.ToString(), invitation.StatusAt(now),
            invitation.ExpiresAt,
            invitation.MaskedEmail, userId is null ? null : refusal is null, refusal);
    }

    /// <summary>The statement's members and collaborator invitations as <paramref name="userId"/> may see them.</summary>
    public static async Task<MembersView> MembersOfAsync(this WorkflowDb db, Statements.Statement statement, string userId,
        DateTimeOffset now,
        CancellationToken ct)
    {
        var ids = statement.Members.Select(m => m.UserId).ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var invitations = await db.CollaboratorInvitations.AsNoTracking().Where(i => i.StatementId == statement.Id)
            .OrderBy(i => i.CreatedAt).ToListAsync(ct);
        var personal = statement.ShowsPersonalDataTo(userId);
        return new MembersView(
            statement.Members.OrderByDescending(m => m.Role).ThenBy(m => m.AddedAt)
                .Select(m => new MemberView(m.UserId, emails.GetValueOrDefault(m.UserId), m.Role.ToString(), m.AddedAt)).ToList(),
            invitations.Select(i => new CollaboratorInvitationView(i.Id, personal ? i.Email : null, i.Role.ToString(), i.StatusAt(now),
            i.CreatedAt, i.ExpiresAt)).ToList());
    }
}
