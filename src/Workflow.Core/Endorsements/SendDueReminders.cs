using FluentValidation;
using MediatR;
using Workflow.Core.Common;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;

namespace Workflow.Core.Endorsements;

/// <summary>
/// One pass of the reminder schedule: every pending invitation whose deadline has passed expires; every other one
/// whose next reminder is due gets it. State and event are saved together per invitation, so a reminder is sent
/// once even when the service stops mid-pass, and none is lost: the next pass finds what this one did not do.
/// </summary>
/// <param name="Offsets">How long before the deadline reminders go out, e.g. 7 days and 1 day.</param>
public sealed record SendDueReminders(IReadOnlyList<TimeSpan> Offsets, int MaxPerInvitation) : IRequest<RemindersSent>;

public sealed record RemindersSent(int Reminded, int Expired);

public sealed class SendDueRemindersHandler(WorkflowDb db, TimeProvider clock, ILinkTokens linkTokens)
    : IRequestHandler<SendDueReminders, RemindersSent>
{
    public async Task<RemindersSent> Handle(SendDueReminders request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var schedule = ReminderSchedule.Of(request.Offsets, request.MaxPerInvitation);
        var candidates = await (
            from r in db.Invitations
            join s in db.Statements on r.StatementId equals s.Id
            where r.State == InvitationState.Pending && (r.OwnDeadline != null || s.SignatureDeadline != null)
            select new { Invitation = r, Statement = s }).ToListAsync(ct);

        int reminded = 0, expired = 0;
        foreach (var c in candidates)
        {
            var deadline = c.Invitation.DeadlineUnder(c.Statement.SignatureDeadline)!.Value;
            if (deadline <= now)
            {
                c.Invitation.Expire(now);
                expired++;
            }
            else
            {
                var due = schedule.DueBy(deadline, now);
                // No reminder to sign a draft (not open yet) or a statement that takes no more signatures.
                if (due <= c.Invitation.RemindersSent || !c.Statement.AcceptsSignatures) continue;
                c.Invitation.Remind(due, deadline, db.LinksToMail.New(linkTokens).Hash, now);
                reminded++;
            }
            await db.SaveChangesAsync(ct);
        }
        return new RemindersSent(reminded, expired);
    }
}
