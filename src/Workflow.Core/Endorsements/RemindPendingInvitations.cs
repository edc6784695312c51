using FluentValidation;
using MediatR;
using Workflow.Core.Common;
using Workflow.Core.Accounts;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>
/// "Send a reminder to everyone still pending": each pending invitation whose link was e-mailed gets a reminder with a fresh
/// link, unless it received a link within <see cref="Invitation.ReminderInterval"/> (see
/// <see cref="Invitation.CanBeRemindedAt"/>).
/// Held invitations (a draft) and those whose e-mail failed are left to the drafters.
/// </summary>
public sealed record RemindPendingInvitations(string UserId, Guid StatementId) : IRequest<PendingInvitationsReminded>;

/// <param name="Reminded">How many invitations were reminded.</param>
/// <param name="Skipped">Pending invitations left out: held, not delivered, or sent a link too recently.</param>
public sealed record PendingInvitationsReminded(int Reminded, int Skipped);

public sealed class RemindPendingInvitationsHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens)
    : IRequestHandler<RemindPendingInvitations, PendingInvitationsReminded>
{
    public async Task<PendingInvitationsReminded> Handle(RemindPendingInvitations request, CancellationToken ct)
    {
        var statement = await db.LoadForRoleAsync(request.StatementId, request.UserId, StatementRole.Editor, ct);
        await db.EnsureMayEmailOthersAsync(request.UserId, ct);
        statement.EnsureAcceptsSignatures();
        var now = clock.GetUtcNow();
        var pending = await db.PendingInvitationsAsync(statement.Id, ct, tracked: true);
        var reminded = 0;
        foreach (var invitation in pending.Where(r => r.CanBeRemindedAt(statement.SignatureDeadline, now)))
        {
            invitation.RemindNow(db.LinksToMail.New(linkTokens).Hash, statement.SignatureDeadline, request.UserId, now);
            reminded++;
        }
        // One save: the reminders and their events are written together, or none is.
        await db.SaveChangesAsync(ct);
        return new PendingInvitationsReminded(reminded, pending.Count - reminded);
    }
}
