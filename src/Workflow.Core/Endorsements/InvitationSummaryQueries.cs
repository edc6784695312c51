using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

internal static class InvitationSummaryQueries
{
    /// <summary>
    /// A statement's invitations, oldest first, as <paramref name="userId"/> may see them: below an editor, organisations
    /// and states, not whom they were written to (nor the mail server's answer, which names the address).
    /// </summary>
    /// <param name="invitationId">Only this invitation, if given.</param>
    public static async Task<IReadOnlyList<InvitationSummary>> InvitationSummariesAsync(this WorkflowDb db, Statement statement,
        string userId,
        DateTimeOffset now, CancellationToken ct, Guid? invitationId = null)
    {
        var rows = await (
            from r in db.Invitations.AsNoTracking()
            join o in db.Organisations on r.OrganisationId equals o.Id
            join s in db.Signatures on r.SignatureId equals s.Id into signed
            from s in signed.DefaultIfEmpty()
            where r.StatementId == statement.Id && (invitationId == null || r.Id == invitationId)
            orderby r.CreatedAt
            select new { r, o, Number = (int?)s.Number }).ToListAsync(ct);
        var personal = statement.ShowsPersonalDataTo(userId);
        return rows.Select(x => new InvitationSummary(x.r.Id, OrganisationView.AsInvited(x.o, x.r), personal ? x.r.Email : null,
            x.r.StatusAt(statement.SignatureDeadline, now, statement.HoldsInvitations).ToString(),
            x.r.DeadlineUnder(statement.SignatureDeadline),
            x.r.CreatedAt, x.r.SentAt, x.r.OpenedAt, personal ? x.r.DeliveryError : null, x.r.RemindersSent, x.r.AnsweredAt,
            x.r.DeclineReason, x.Number)).ToList();
    }
}
