using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Collaboration;

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
