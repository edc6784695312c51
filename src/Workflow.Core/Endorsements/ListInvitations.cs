using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <param name="InvitationId">Only this invitation, if given.</param>
public sealed record ListInvitations(string UserId, Guid StatementId, Guid? InvitationId = null) : IRequest<IReadOnlyList<InvitationSummary>>;

public sealed class ListInvitationsHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ListInvitations, IReadOnlyList<InvitationSummary>>
{
    public async Task<IReadOnlyList<InvitationSummary>> Handle(ListInvitations request, CancellationToken ct)
    {
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var now = clock.GetUtcNow();
        var rows = await (
            from r in db.EndorsementRequests.AsNoTracking()
            join o in db.Organisations on r.OrganisationId equals o.Id
            join s in db.Signatures on r.SignatureId equals s.Id into signed
            from s in signed.DefaultIfEmpty()
            where r.StatementId == request.StatementId && (request.InvitationId == null || r.Id == request.InvitationId)
            orderby r.CreatedAt
            select new { r, o, Number = (int?)s.Number }).ToListAsync(ct);
        // Below an editor the invitations show organisations and states, not whom they were written to (nor the mail server's answer, which names the address).
        var personal = statement.ShowsPersonalDataTo(request.UserId);
        return rows.Select(x => new InvitationSummary(x.r.Id, OrganisationView.AsInvited(x.o, x.r), personal ? x.r.Email : null,
            x.r.StatusAt(statement.SignatureDeadline, now, statement.HoldsInvitations).ToString(), x.r.DeadlineUnder(statement.SignatureDeadline),
            x.r.CreatedAt, x.r.SentAt, x.r.OpenedAt, personal ? x.r.DeliveryError : null, x.r.RemindersSent, x.r.AnsweredAt, x.r.DeclineReason, x.Number)).ToList();
    }
}
