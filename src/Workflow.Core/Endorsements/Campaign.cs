using Workflow.Core.Accounts;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Common;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>The campaign at a glance: how many invitations stand where, and each of them; and the open sign-ons by status.</summary>
public sealed record GetCampaign(string UserId, Guid StatementId) : IRequest<CampaignView>;

/// <param name="SignOnCounts">Open sign-ons: AwaitingConfirmation, Lapsed, AwaitingModeration, Approved, Rejected.</param>
/// <param name="AwaitingReconfirmation">Standing signatures given for an earlier text, not on the list until they confirm the current one.</param>
/// <param name="Remindable">How many invitations "remind everyone still pending" would reach now (<see cref="RemindPendingInvitations"/>).</param>
public sealed record CampaignView(Guid StatementId, string State, DateTimeOffset? SignatureDeadline, int ActiveSignatures,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyList<InvitationSummary> Invitations, bool AcceptsOpenSignOn,
    IReadOnlyDictionary<string, int> SignOnCounts, int AwaitingReconfirmation, int Remindable);

public sealed class GetCampaignHandler(WorkflowDb db, IMediator mediator, TimeProvider clock) : IRequestHandler<GetCampaign, CampaignView>
{
    public async Task<CampaignView> Handle(GetCampaign request, CancellationToken ct)
    {
        var invitations = await mediator.Send(new ListInvitations(request.UserId, request.StatementId), ct);
        var statement = await db.Statements.AsNoTracking().SingleAsync(s => s.Id == request.StatementId, ct);
        var active = await db.Signatures.CountAsync(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active, ct);
        var awaiting = statement.SignableVersionNumber is { } signable
            ? await db.Signatures.CountAsync(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active && s.ConfirmedVersionNumber != signable, ct)
            : 0;
        var counts = Enum.GetNames<InvitationStatus>().ToDictionary(status => status, status => invitations.Count(i => i.Status == status));
        var now = clock.GetUtcNow();
        var signOns = (await db.SignOnEntries.AsNoTracking().Where(e => e.StatementId == statement.Id).ToListAsync(ct)).Select(e => e.StatusAt(now)).ToList();
        var signOnCounts = new[] { "AwaitingConfirmation", "Lapsed", "AwaitingModeration", "Approved", "Rejected" }
            .ToDictionary(status => status, status => signOns.Count(s => s == status));
        var remindable = statement.AcceptsSignatures
            ? (await db.PendingInvitationsAsync(statement.Id, ct)).Count(r => r.CanBeRemindedAt(statement.SignatureDeadline, now)) : 0;
        return new CampaignView(statement.Id, statement.State.ToString(), statement.SignatureDeadline, active, counts, invitations,
            statement.AcceptsOpenSignOn, signOnCounts, awaiting, remindable);
    }
}

/// <summary>
/// "Send a reminder to everyone still pending": each pending invitation whose link was e-mailed gets a reminder with a fresh
/// link, unless it received a link within <see cref="EndorsementRequest.ReminderInterval"/> (see <see cref="EndorsementRequest.CanBeRemindedAt"/>).
/// Held invitations (a draft) and those whose e-mail failed are left to the drafters.
/// </summary>
public sealed record RemindPendingInvitations(string UserId, Guid StatementId) : IRequest<PendingInvitationsReminded>;

/// <param name="Reminded">How many invitations were reminded.</param>
/// <param name="Skipped">Pending invitations left out: held, not delivered, or sent a link too recently.</param>
public sealed record PendingInvitationsReminded(int Reminded, int Skipped);

public sealed class RemindPendingInvitationsHandler(WorkflowDb db, TimeProvider clock, IDataProtectionProvider dataProtection)
    : IRequestHandler<RemindPendingInvitations, PendingInvitationsReminded>
{
    public async Task<PendingInvitationsReminded> Handle(RemindPendingInvitations request, CancellationToken ct)
    {
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct, StatementRole.Editor);
        await db.EnsureMayEmailOthersAsync(request.UserId, ct);
        statement.EnsureAcceptsSignatures();
        var now = clock.GetUtcNow();
        var pending = await db.PendingInvitationsAsync(statement.Id, ct, tracked: true);
        var reminded = 0;
        foreach (var invitation in pending.Where(r => r.CanBeRemindedAt(statement.SignatureDeadline, now)))
        {
            var token = InvitationToken.New();
            invitation.RemindNow(InvitationToken.Hash(token), dataProtection.ProtectForEmail(token), statement.Title, statement.SignatureDeadline, request.UserId, now);
            reminded++;
        }
        // One save: the reminders and their events are written together, or none is.
        await db.SaveChangesAsync(ct);
        return new PendingInvitationsReminded(reminded, pending.Count - reminded);
    }
}

internal static class PendingInvitationQueries
{
    public static Task<List<EndorsementRequest>> PendingInvitationsAsync(this WorkflowDb db, Guid statementId, CancellationToken ct, bool tracked = false)
    {
        var query = db.EndorsementRequests.Where(r => r.StatementId == statementId && r.State == EndorsementRequestState.Pending);
        return (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
    }
}

/// <summary>A new link for a pending invitation (lost e-mail, wrong address); the old link stops working.</summary>
/// <param name="HandOverLink">The drafter receives the new link to hand it over (see <see cref="InviteOrganisation"/>).</param>
public sealed record ResendInvitation(string UserId, Guid StatementId, Guid InvitationId, bool HandOverLink = false) : IRequest<InvitationCreated>;

public sealed class ResendInvitationHandler(WorkflowDb db, TimeProvider clock, IDataProtectionProvider dataProtection)
    : IRequestHandler<ResendInvitation, InvitationCreated>
{
    public async Task<InvitationCreated> Handle(ResendInvitation request, CancellationToken ct)
    {
        var statement = await db.LoadForDraftingAsync(request.StatementId, request.UserId, ct);
        await db.EnsureMayEmailOthersAsync(request.UserId, ct);
        statement.EnsureAcceptsInvitations();
        statement.EnsureSendsInvitations();
        var invitation = await db.EndorsementRequests.SingleOrDefaultAsync(r => r.Id == request.InvitationId && r.StatementId == statement.Id, ct)
            ?? throw new NotFoundException("invitation");
        var organisation = await db.Organisations.SingleAsync(o => o.Id == invitation.OrganisationId, ct);
        var token = InvitationToken.New();
        invitation.Resend(InvitationToken.Hash(token), dataProtection.ProtectForEmail(token), request.HandOverLink, invitation.InvitedName, statement.Title, request.UserId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new InvitationCreated(invitation.Id, OrganisationView.AsInvited(organisation, invitation), invitation.Email,
            request.HandOverLink ? token : null);
    }
}

/// <summary>Sets or removes the deadline for signatures through invitations.</summary>
public sealed record SetSignatureDeadline(string UserId, Guid StatementId, DateTimeOffset? Deadline) : IRequest<StatementDetails>;

public sealed class SetSignatureDeadlineHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<SetSignatureDeadline, StatementDetails>
{
    public Task<StatementDetails> Handle(SetSignatureDeadline request, CancellationToken ct) =>
        db.ChangeStatementAsync(request.StatementId, request.UserId,
            s => s.SetSignatureDeadline(request.Deadline is { } d ? StoredTime.Of(d) : null, request.UserId, clock.GetUtcNow()), ct);
}

/// <summary>
/// One pass of the reminder schedule: every pending invitation whose deadline has passed expires; every other one
/// whose next reminder is due gets it. State and event are saved together per invitation, so a reminder is sent
/// once even when the service stops mid-pass, and none is lost: the next pass finds what this one did not do.
/// </summary>
/// <param name="Offsets">How long before the deadline reminders go out, e.g. 7 days and 1 day.</param>
public sealed record SendDueReminders(IReadOnlyList<TimeSpan> Offsets, int MaxPerInvitation) : IRequest<RemindersSent>;

public sealed record RemindersSent(int Reminded, int Expired);

/// <summary>
/// When a pending invitation is reminded: at each offset before its deadline (the earliest first), at most so many
/// times; at the deadline it expires.
/// </summary>
public sealed record ReminderSchedule(IReadOnlyList<TimeSpan> Offsets)
{
    public static ReminderSchedule Of(IEnumerable<TimeSpan> offsets, int maxPerInvitation) =>
        new(offsets.Where(o => o > TimeSpan.Zero).OrderByDescending(o => o).Take(Math.Max(0, maxPerInvitation)).ToList());

    /// <summary>How many reminders are due by now for this deadline.</summary>
    public int DueBy(DateTimeOffset deadline, DateTimeOffset now) => Offsets.Count(offset => deadline - offset <= now);

    /// <summary>When the reminders for this deadline go out, the first first.</summary>
    public IReadOnlyList<DateTimeOffset> TimesFor(DateTimeOffset deadline) => Offsets.Select(offset => deadline - offset).ToList();
}

public sealed class SendDueRemindersHandler(WorkflowDb db, TimeProvider clock, IDataProtectionProvider dataProtection)
    : IRequestHandler<SendDueReminders, RemindersSent>
{
    public async Task<RemindersSent> Handle(SendDueReminders request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var schedule = ReminderSchedule.Of(request.Offsets, request.MaxPerInvitation);
        var candidates = await (
            from r in db.EndorsementRequests
            join s in db.Statements on r.StatementId equals s.Id
            where r.State == EndorsementRequestState.Pending && (r.OwnDeadline != null || s.SignatureDeadline != null)
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
                var token = InvitationToken.New();
                c.Invitation.Remind(due, deadline, InvitationToken.Hash(token), dataProtection.ProtectForEmail(token), c.Invitation.InvitedName, c.Statement.Title, now);
                reminded++;
            }
            await db.SaveChangesAsync(ct);
        }
        return new RemindersSent(reminded, expired);
    }
}

public sealed class SetSignatureDeadlineValidator : AbstractValidator<SetSignatureDeadline>
{
    public SetSignatureDeadlineValidator() => RuleFor(r => r.Deadline).LessThan(new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero));
}
