using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Translations;
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

public sealed record GetInvitation(string UserId, Guid StatementId, Guid InvitationId) : IRequest<InvitationSummary>;

public sealed class GetInvitationHandler(IMediator mediator) : IRequestHandler<GetInvitation, InvitationSummary>
{
    public async Task<InvitationSummary> Handle(GetInvitation request, CancellationToken ct) =>
        (await mediator.Send(new ListInvitations(request.UserId, request.StatementId, request.InvitationId), ct)).SingleOrDefault()
        ?? throw new NotFoundException("invitation");
}

public sealed record RevokeInvitation(string UserId, Guid StatementId, Guid InvitationId) : IRequest<Unit>;

public sealed class RevokeInvitationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<RevokeInvitation, Unit>
{
    public async Task<Unit> Handle(RevokeInvitation request, CancellationToken ct)
    {
        await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        var invitation = await db.EndorsementRequests
            .SingleOrDefaultAsync(r => r.Id == request.InvitationId && r.StatementId == request.StatementId, ct)
            ?? throw new NotFoundException("invitation");
        invitation.Revoke(request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}

/// <summary>What the invited organisation sees: the exact text it would sign, its version and hash.</summary>
public sealed record ViewInvitation(string Token) : IRequest<InvitationView>;

public sealed class ViewInvitationHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<ViewInvitation, InvitationView>
{
    public async Task<InvitationView> Handle(ViewInvitation request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var invitation = await db.FindLiveByTokenAsync(request.Token, ct);
        var statement = await db.Statements.AsNoTracking().SingleAsync(s => s.Id == invitation.StatementId, ct);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == invitation.OrganisationId, ct);
        // Before the statement is opened the organisation may read the draft, but there is nothing to sign yet.
        var version = await db.LoadVersionAsync(statement.Id, statement.SignableVersionNumber ?? statement.LatestVersionNumber, ct);
        invitation.MarkOpened(now);
        await db.SaveChangesAsync(ct);

        var signature = await db.Signatures.AsNoTracking().SingleOrDefaultAsync(s => s.EndorsementRequestId == invitation.Id, ct);
        var receipt = signature is null ? null
            : SignatureReceipt.From(signature, statement, organisation, await Publishing.SignatoryLogQueries.ReceiptDocumentAsync(db, signature, ct));
        string? cannotSign = receipt is null ? null
            : receipt.NeedsReconfirmation ? "The text changed after you signed: confirm the new text (reconfirm) or withdraw."
            : "This invitation has been signed.";
        if (cannotSign is null)
        {
            try
            {
                invitation.EnsureCanAnswer(statement.SignatureDeadline, now);
                statement.EnsureAcceptsSignatures();
            }
            catch (ConflictException e) { cannotSign = e.Message; }
        }

        // The signer who is asked to confirm a changed text sees what changed since the version it agreed to.
        var changes = signature is not null && receipt!.NeedsReconfirmation
            ? TextDiff.Between(await db.LoadVersionAsync(statement.Id, signature.ConfirmedVersionNumber, ct), version) : null;

        return new InvitationView(invitation.StatusAt(statement.SignatureDeadline, now, statement.HoldsInvitations).ToString(), OrganisationView.AsInvited(organisation, invitation),
            statement.Title, statement.Language, statement.State.ToString(), VersionDetails.From(version),
            invitation.DeadlineUnder(statement.SignatureDeadline), cannotSign is null, cannotSign, receipt,
            (await db.SignableTranslationsAsync(statement, ct)).Select(t => TranslationDetails.From(t, statement.LatestVersionNumber)).ToList(), changes);
    }
}
