using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Workflow.Core.Data;
using Workflow.Core.Statements;

namespace Workflow.Core.Endorsements;

/// <summary>The campaign at a glance: how many invitations stand where, and each of them; and the open sign-ons by status.</summary>
public sealed record GetCampaign(string UserId, Guid StatementId) : IRequest<CampaignView>;

/// <param name="SignOnCounts">Open sign-ons: AwaitingConfirmation, Lapsed, AwaitingModeration, Approved, Rejected.</param>
/// <param name="AwaitingReconfirmation">Standing signatures given for an earlier text, not on the list until they confirm the current
/// one.</param>
/// <param name="Remindable">How many invitations "remind everyone still pending" would reach now
/// (<see cref="RemindPendingInvitations"/>).</param>
public sealed record CampaignView(Guid StatementId, string State, DateTimeOffset? SignatureDeadline, int ActiveSignatures,
    IReadOnlyDictionary<string, int> Counts, IReadOnlyList<InvitationSummary> Invitations, bool AcceptsOpenSignOn,
    IReadOnlyDictionary<string, int> SignOnCounts, int AwaitingReconfirmation, int Remindable);

public sealed class GetCampaignHandler(WorkflowDb db, TimeProvider clock) : IRequestHandler<GetCampaign, CampaignView>
{
    public async Task<CampaignView> Handle(GetCampaign request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var statement = await db.LoadForReadingAsync(request.StatementId, request.UserId, ct);
        var invitations = await db.InvitationSummariesAsync(statement, request.UserId, now, ct);
        var active = await db.Signatures.CountAsync(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active, ct);
        var awaiting = statement.SignableVersionNumber is { } signable
            ? await db.Signatures.CountAsync(s => s.StatementId == statement.Id && s.Status == SignatureStatus.Active
                && s.ConfirmedVersionNumber != signable, ct)
            : 0;
        var counts = Enum.GetNames<InvitationStatus>().ToDictionary(status => status, status => invitations.Count(i => i.Status == status));
        var signOns = (await db.SignOnEntries.AsNoTracking().Where(e => e.StatementId == statement.Id).ToListAsync(ct))
            .Select(e => e.StatusAt(now)).ToList();
        var signOnCounts = new[] { "AwaitingConfirmation", "Lapsed", "AwaitingModeration", "Approved", "Rejected" }
            .ToDictionary(status => status, status => signOns.Count(s => s == status));
        var remindable = statement.AcceptsSignatures
            ? (await db.PendingInvitationsAsync(statement.Id, ct)).Count(r => r.CanBeRemindedAt(statement.SignatureDeadline, now)) : 0;
        return new CampaignView(statement.Id, statement.State.ToString(), statement.SignatureDeadline, active, counts, invitations,
            statement.AcceptsOpenSignOn, signOnCounts, awaiting, remindable);
    }
}
